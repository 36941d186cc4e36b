using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Tests.Features.Accounts.Account;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Tokens;

/// <summary>Personal API tokens: created, listed and revoked on /profile/tokens and through <c>/api/v1/me/tokens</c>.</summary>
[Collection(Apps.Name)]
public sealed partial class ManageTokensTests(Apps apps)
{
    internal static Dictionary<string, string> CreateForm(string name, string expiresInDays = "30") =>
        new() { ["Create.Name"] = name, ["Create.ExpiresInDays"] = expiresInDays };

    internal static HttpClient WithToken(LapakApp app, string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Creates a token through the page and returns its secret as shown once.</summary>
    internal static async Task<string> CreateOnPageAsync(PageClient pages, string name, string expiresInDays = "30")
    {
        var page = await pages.PostFormAsync("/profile/tokens", CreateForm(name, expiresInDays));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return Secret().Match(page.Html).Groups[1].Value;
    }

    internal static async Task<(Guid Id, string Secret)> CreateOnApiAsync(HttpClient api, string name, int? days = 30)
    {
        var response = await api.PostAsJsonAsync("/api/v1/me/tokens", new { name, expiresInDays = days });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("token").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    [GeneratedRegex("id=\"new-token-secret\"[^>]*value=\"(lpk_[0-9a-f]+)\"")]
    internal static partial Regex Secret();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_created_on_the_page_is_shown_once_and_then_works_for_the_api(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var secret = await CreateOnPageAsync(pages, "Stock sync");

        Assert.StartsWith("lpk_", secret);
        var list = await pages.GetAsync("/profile/tokens");
        Assert.DoesNotContain(secret, list.Html);
        Assert.Contains("Stock sync", list.Text);
        Assert.Contains(secret[..10] + "…", list.Text); // the hint tells tokens apart
        Assert.Contains("Aktif", list.Text);
        var stored = await app.WithDbAsync(d => d.Set<ApiToken>().SingleAsync(t => t.UserId == user.Id));
        Assert.Equal(ApiToken.HashOf(secret), stored.Hash); // only the hash is kept
        Assert.InRange(stored.ExpiresAt!.Value, DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.token_created")));

        using var api = WithToken(app, secret);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Never_expiring_is_a_choice_on_the_page(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        await CreateOnPageAsync(pages, "Forever", expiresInDays: "");

        Assert.Null(await app.WithDbAsync(d => d.Set<ApiToken>().Where(t => t.UserId == user.Id).Select(t => t.ExpiresAt).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_or_too_long_name_or_an_odd_expiry_is_refused_on_page_and_api_and_nothing_is_created(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        using var api = await app.ApiAsync(user);

        var empty = await pages.PostFormAsync("/profile/tokens", CreateForm("  "));
        Assert.Equal("Beri nama token, misalnya nama aplikasi yang akan memakainya.", empty.FieldError("Create.Name"));
        Assert.DoesNotMatch(Secret(), empty.Html);
        var tooLong = await pages.PostFormAsync("/profile/tokens", CreateForm(new string('x', 81)));
        Assert.Equal("Nama maksimal 80 karakter.", tooLong.FieldError("Create.Name"));
        var odd = await pages.PostFormAsync("/profile/tokens", CreateForm("Odd", "9999"));
        Assert.NotNull(odd.FieldError("Create.ExpiresInDays"));

        var response = await api.PostAsJsonAsync("/api/v1/me/tokens", new { name = "", expiresInDays = 0 });
        var errors = (await AuthApiTests.AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("expiresInDays", out _));

        Assert.False(await app.WithDbAsync(d => d.Set<ApiToken>().AnyAsync(t => t.UserId == user.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_creates_a_token_with_201_and_lists_tokens_without_their_secrets(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var response = await api.PostAsJsonAsync("/api/v1/me/tokens", new { name = "CI pipeline", expiresInDays = 90 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("token").GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/me/tokens/{id}", response.Headers.Location?.OriginalString);
        var listed = await api.GetStringAsync("/api/v1/me/tokens");
        Assert.DoesNotContain(secret, listed);
        var token = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
        Assert.Equal("CI pipeline", token.GetProperty("name").GetString());
        Assert.Equal("active", token.GetProperty("status").GetString());
        Assert.Equal(secret[..10], token.GetProperty("hint").GetString());
        Assert.False(token.TryGetProperty("secret", out _));
        Assert.False(token.TryGetProperty("hash", out _));
        Assert.Equal(id, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/me/tokens/{id}")).GetProperty("id").GetGuid());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_revoked_on_the_page_no_longer_authenticates(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        var secret = await CreateOnPageAsync(pages, "Old laptop");
        var id = await app.WithDbAsync(d => d.Set<ApiToken>().Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync());
        using var api = WithToken(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await pages.PostFormAsync($"/profile/tokens?handler=Revoke&id={id}", new(), formUrl: "/profile/tokens");

        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        var list = await pages.FollowAsync(revoked);
        Assert.Contains("Token “Old laptop” sudah dicabut.", list.Text);
        Assert.Contains("Dicabut", list.Text);
        await AuthApiTests.AssertProblem(await api.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.token_revoked")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_revoked_through_the_api_answers_204_and_no_longer_authenticates(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        var (id, secret) = await CreateOnApiAsync(api, "Script");
        using var withToken = WithToken(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/v1/me/notifications")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode); // twice is harmless

        Assert.Equal(HttpStatusCode.Unauthorized, (await withToken.GetAsync("/api/v1/me/notifications")).StatusCode);
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        Assert.Equal("revoked", listed[0].GetProperty("status").GetString());
        await AuthApiTests.AssertProblem(await api.DeleteAsync($"/api/v1/me/tokens/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_personal_token_cannot_mint_another_token(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        var (_, secret) = await CreateOnApiAsync(api, "Leaky", days: 1);
        using var withToken = WithToken(app, secret);

        var response = await withToken.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Forever" });

        await AuthApiTests.AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<ApiToken>().CountAsync(t => t.UserId == user.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Twenty_working_tokens_are_the_limit_but_revoking_one_makes_room(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        var ids = new List<Guid>();
        for (var i = 0; i < ManageTokens.MaxActivePerUser; i++) ids.Add((await CreateOnApiAsync(api, $"Token {i}")).Id);

        var refused = await api.PostAsJsonAsync("/api/v1/me/tokens", new { name = "One too many" });
        var errors = (await AuthApiTests.AssertProblem(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("20", errors.GetProperty("")[0].GetString());
        var page = await (await app.SignInAsync(user)).PostFormAsync("/profile/tokens", CreateForm("One too many"));
        Assert.Contains("Kamu sudah punya 20 token aktif.", page.Text);
        Assert.Equal(ManageTokens.MaxActivePerUser, await app.WithDbAsync(d => d.Set<ApiToken>().CountAsync(t => t.UserId == user.Id)));

        await api.DeleteAsync($"/api/v1/me/tokens/{ids[0]}");
        await CreateOnApiAsync(api, "Replacement");
    }
}
