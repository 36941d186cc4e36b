using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Lapak.Bench.Seeding;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// The agent's reads on a large helpdesk: <see cref="BenchOptions.Tickets"/> tickets are put straight into the
/// database (see <see cref="TicketSeeder"/>), then the demo agent's queue page (<c>/helpdesk/team/queue</c>, HTML,
/// signed in with a cookie) and <c>GET /api/v1/tickets?status=open</c> (bearer token) are measured with N clients.
/// </summary>
public static partial class BigHelpdeskScenario
{
    public const string Agent = "agent@lapak.test";

    public static async Task RunAsync(LapakProcess lapak, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"helpdesk with {options.Tickets:N0} tickets: agent queue page and open-ticket list, {options.Clients} clients, {options.Duration.TotalSeconds:0} s each");
        var seeder = new TicketSeeder(lapak.Provider, lapak.ConnectionString);
        var took = await seeder.SeedAsync(options.Tickets, "Customer Service", ct);
        Console.WriteLine($"  seeding    {options.Tickets:N0} tickets in {took.TotalSeconds:0.0} s (then ANALYZE); restarting Lapak on them");
        await lapak.RestartAsync(ct);

        using var api = new LapakApi(new Uri(lapak.Url));
        await api.SignInAsync(Agent, options.Password, ct);
        using var pages = await SignInWithCookieAsync(new Uri(lapak.Url), Agent, options.Password, ct);

        var first = await api.Http.GetStringAsync("/api/v1/tickets?status=open", ct);
        Console.WriteLine($"  check      open-ticket list answers {first.Length:N0} bytes; queue page {(await pages.GetStringAsync("/helpdesk/team/queue", ct)).Length:N0} bytes");
        await LoadLoop.RunAsync(options, "queue", token => pages.GetAsync("/helpdesk/team/queue", token), ct);
        await LoadLoop.RunAsync(options, "open list", token => api.Http.GetAsync("/api/v1/tickets?status=open", token), ct);
    }

    /// <summary>An HTTP client holding the auth cookie of a form sign-in, as a browser would.</summary>
    public static async Task<HttpClient> SignInWithCookieAsync(Uri baseUrl, string email, string password, CancellationToken ct) =>
        await SignInWithCookieAsync(baseUrl, email, password, "/helpdesk/team/queue", ct);

    public static async Task<HttpClient> SignInWithCookieAsync(Uri baseUrl, string email, string password, string checkPage, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = int.MaxValue })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };
        var form = await http.GetStringAsync("/account/login", ct);
        var token = AntiforgeryField().Match(form);
        if (!token.Success) throw new BenchException("the sign-in page has no antiforgery field.");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }), ct);
        var check = await http.GetAsync(checkPage, ct);
        if (check.StatusCode != HttpStatusCode.OK || check.RequestMessage?.RequestUri?.AbsolutePath != checkPage)
            throw new BenchException($"cookie sign-in as {email} failed ({checkPage} answered {(int)check.StatusCode}).");
        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
