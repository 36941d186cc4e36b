using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Infrastructure.Web;

[Collection(Apps.Name)]
public sealed class HostBehaviourTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Health_endpoints_say_live_and_ready_with_the_database(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_page_gets_the_friendly_404_page_and_an_unknown_api_route_gets_problem_details(Db db)
    {
        var app = await apps.Get(db);
        var page = await app.Pages().GetAsync("/tidak-ada-halaman-ini");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("<html lang=\"id\">", page.Html);
        Assert.Contains("error-page", page.Html);
        Assert.DoesNotContain("Exception", page.Html);

        using var http = app.Anonymous();
        await AuthApiTests.AssertProblem(await http.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_known_api_path_with_the_wrong_method_or_body_type_says_so_instead_of_not_found(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        await AuthApiTests.AssertProblem(await api.DeleteAsync("/api/v1/me"), HttpStatusCode.MethodNotAllowed);
        await AuthApiTests.AssertProblem(await api.PutAsync("/api/v1/me/avatar", SignInTests.Json("{}")), HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_response_carries_a_content_security_policy_and_no_sniffing(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var response = await http.GetAsync("/account/login");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "customer@lapak.test", ["Input.Password"] = "Lapak#2026",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_openapi_document_and_the_reference_page_are_served(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
        var reference = await app.Pages().GetAsync("/scalar");
        if (reference.Status == HttpStatusCode.Redirect) reference = await app.Pages().GetAsync(reference.Location!);
        Assert.Equal(HttpStatusCode.OK, reference.Status);
        Assert.Contains("Lapak API", reference.Html);
    }

    [Fact]
    public async Task A_crash_shows_the_friendly_500_page_with_a_reference_and_never_a_trace()
    {
        await using var app = await LapakApp.StartAsync(Db.Sqlite, configure: b => b.ConfigureServices(s =>
            s.AddSingleton<IStartupFilter>(new ThrowingRoute())));
        var page = await app.Pages().GetAsync("/boom-for-test");
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.DoesNotContain("InvalidOperationException", page.Html);
        Assert.DoesNotContain(" at ", page.Text.Replace(" at Lapak", "")); // no stack frames
        Assert.Matches("[0-9a-f]{32}", page.Text); // the correlation id to quote to support
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429()
    {
        await using var app = await LapakApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" });
        using var http = app.Anonymous();
        for (var i = 0; i < 5; i++) // reading the sign-in page is not an attempt
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/login")).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await http.PostAsync("/api/v1/auth/token", SignInTests.Json("""{"email":"a@test.lapak","password":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
    }

    /// <summary>Adds a route that throws, after the app's own pipeline, so it is reached only for that path.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext ctx, RequestDelegate _) => ctx.Request.Path == "/boom-for-test"
                ? throw new InvalidOperationException("Boom for the test.")
                : Task.CompletedTask);
        };
    }
}
