using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapak.Bench;

/// <summary>The few API calls the scenarios need, as the customer's bearer token.</summary>
public sealed class LapakApi(Uri baseUrl) : IDisposable
{
    public Uri BaseUrl { get; } = baseUrl;
    public string AccessToken { get; private set; } = "";

    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task SignInAsync(string email, string password, CancellationToken ct)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        AccessToken = body.RootElement.GetProperty("accessToken").GetString()!;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    /// <summary>Turns the account's e-mail channel on or off; returns what it was.</summary>
    public async Task<bool> SetEmailNotificationsAsync(bool on, CancellationToken ct)
    {
        using var me = JsonDocument.Parse(await Http.GetStringAsync("/api/v1/me", ct));
        var was = me.RootElement.GetProperty("notifications").GetProperty("email").GetBoolean();
        if (was != on)
        {
            using var response = await Http.PatchAsJsonAsync("/api/v1/me", new { notifyEmail = on }, ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"PATCH /api/v1/me answered {(int)response.StatusCode}");
        }
        return was;
    }

    public void Dispose() => Http.Dispose();
}
