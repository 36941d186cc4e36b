using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

/// <summary>Every administration page and API route is for admins only.</summary>
[Collection(Apps.Name)]
public sealed class AdminAccessTests(Apps apps)
{
    private static async Task<string[]> PagesAsync(LapakApp app)
    {
        var (org, branch, team) = await app.WithDbAsync(async d => (
            await d.Set<Organization>().Select(o => o.Id).FirstAsync(),
            await d.Set<Branch>().Select(b => b.Id).FirstAsync(),
            await d.Set<Team>().Select(t => t.Id).FirstAsync()));
        var someone = await app.CreateUserAsync();
        return
        [
            "/admin/users", "/admin/users/new", $"/admin/users/{someone.Id}",
            "/admin/organizations", "/admin/organizations/new", $"/admin/organizations/{org}",
            "/admin/branches", "/admin/branches/new", $"/admin/branches/{branch}",
            "/admin/teams", "/admin/teams/new", $"/admin/teams/{team}",
            "/admin/activity", "/admin/deliveries",
        ];
    }

    private static IEnumerable<(HttpMethod Method, string Url)> ApiRoutes(Guid id) =>
    [
        (HttpMethod.Get, "/api/v1/admin/users"), (HttpMethod.Get, $"/api/v1/admin/users/{id}"), (HttpMethod.Post, "/api/v1/admin/users"),
        (HttpMethod.Put, $"/api/v1/admin/users/{id}/roles/Admin"), (HttpMethod.Delete, $"/api/v1/admin/users/{id}/roles/Customer"),
        (HttpMethod.Post, $"/api/v1/admin/users/{id}/deactivate"), (HttpMethod.Post, $"/api/v1/admin/users/{id}/activate"),
        (HttpMethod.Post, $"/api/v1/admin/users/{id}/invitation"),
    ];

    /// <summary>Redirects name the sign-in and access-denied pages absolutely; the path is what matters.</summary>
    private static string PathOf(LapakApp app, string? location) =>
        location is null ? "" : new Uri(app.BaseAddress, location).PathAndQuery;

    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_agents_and_supervisors_get_access_denied_on_every_admin_page_and_403_on_every_admin_api_route(Db db)
    {
        var app = await apps.Get(db);
        var urls = await PagesAsync(app);
        var target = await app.CreateUserAsync(Roles.Customer);

        foreach (var role in new[] { Roles.Customer, Roles.Agent, Roles.Supervisor })
        {
            var user = await app.CreateUserAsync(role, Roles.Seller);
            var pages = await app.SignInAsync(user);
            foreach (var url in urls)
            {
                var page = await pages.GetAsync(url);
                Assert.True(page.Status == HttpStatusCode.Redirect && PathOf(app, page.Location).StartsWith("/account/access-denied"), $"{role} {url}: {page}");
                Assert.Equal(HttpStatusCode.Forbidden, (await pages.FollowAsync(page)).Status);
            }
            // A form post is refused before it does anything.
            var post = await pages.PostFormAsync($"/admin/users/{target.Id}?handler=Deactivate", new(), formUrl: "/");
            Assert.StartsWith("/account/access-denied", PathOf(app, post.Location));

            using var api = await app.ApiAsync(user);
            foreach (var (method, url) in ApiRoutes(target.Id))
            {
                using var request = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post && url.EndsWith("/users")) request.Content = JsonContent.Create(new { fullName = "Penyusup" });
                await AdminKit.ProblemAsync(await api.SendAsync(request), HttpStatusCode.Forbidden);
            }
        }

        var saved = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Id == target.Id));
        Assert.True(saved.IsActive);
        Assert.Equal(["Customer"], await app.RolesOfAsync(target.Id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_anonymous_api_calls_get_401(Db db)
    {
        var app = await apps.Get(db);
        var pages = app.Pages();
        foreach (var url in await PagesAsync(app))
        {
            var page = await pages.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/login", PathOf(app, page.Location));
        }

        using var anonymous = app.Anonymous();
        foreach (var (method, url) in ApiRoutes(Guid.NewGuid()))
        {
            using var request = new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { }) };
            await AdminKit.ProblemAsync(await anonymous.SendAsync(request), HttpStatusCode.Unauthorized);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_whose_admin_role_is_revoked_loses_the_api_at_the_next_call(Db db)
    {
        var app = await apps.Get(db);
        var admin = await app.CreateUserAsync(Roles.Admin, Roles.Agent);
        using var api = await app.ApiAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/admin/users")).StatusCode);

        using var other = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await other.DeleteAsync($"/api/v1/admin/users/{admin.Id}/roles/Admin")).StatusCode);

        await AdminKit.ProblemAsync(await api.GetAsync("/api/v1/admin/users"), HttpStatusCode.Forbidden);
    }
}
