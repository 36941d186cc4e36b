using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lapak.Tests.Infrastructure.Realtime;

[Collection(Apps.Name)]
public sealed class LiveHubTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_hub_refuses_anyone_who_is_not_signed_in(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var negotiate = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>("forged-token"))
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_personal_token_connects_like_a_signed_in_browser(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        var created = await api.PostAsync("/api/v1/me/tokens", new StringContent("""{"name":"live test","expiresInDays":30}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString();

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult(secret))
            .Build();
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }
}
