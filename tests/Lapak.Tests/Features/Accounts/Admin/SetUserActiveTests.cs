using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class SetUserActiveTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_deactivated_user_cannot_sign_in_and_the_api_token_they_hold_stops_working_at_once(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var user = await app.CreateUserAsync(Roles.Seller);
        using var api = await app.ApiAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var stamp = await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());

        var url = $"/admin/users/{user.Id}";
        var done = await pages.PostAsync($"{url}?handler=Deactivate", url);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var saved = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Id == user.Id));
        Assert.False(saved.IsActive);
        Assert.NotEqual(stamp, saved.SecurityStamp);
        Assert.Contains("account.deactivated", (await app.ActivityAboutAsync("user", user.Id)).Select(a => a.Action));

        await AdminKit.ProblemAsync(await api.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        var login = await app.Pages().PostFormAsync("/account/login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        using var anonymous = app.Anonymous();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);

        var back = await pages.PostAsync($"{url}?handler=Activate", url);
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Pages().PostFormAsync("/account/login",
            new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password })).Status);
        Assert.Contains("account.reactivated", (await app.ActivityAboutAsync("user", user.Id)).Select(a => a.Action));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_deactivates_and_activates_and_says_so_in_the_user_it_returns(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var user = await app.CreateUserAsync(Roles.Agent);

        var off = await AdminKit.JsonAsync(await api.PostAsync($"/api/v1/admin/users/{user.Id}/deactivate", null), HttpStatusCode.OK);
        Assert.False(off.GetProperty("isActive").GetBoolean());
        var on = await AdminKit.JsonAsync(await api.PostAsync($"/api/v1/admin/users/{user.Id}/activate", null), HttpStatusCode.OK);
        Assert.True(on.GetProperty("isActive").GetBoolean());
        await AdminKit.ProblemAsync(await api.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/deactivate", null), HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_cannot_deactivate_their_own_account(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var url = $"/admin/users/{admin.Id}";

        var page = await pages.PostAsync($"{url}?handler=Deactivate", url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Summary());

        using var api = await app.ApiAsync(admin);
        await AdminKit.ProblemAsync(await api.PostAsync($"/api/v1/admin/users/{admin.Id}/deactivate", null), HttpStatusCode.Conflict);

        Assert.True(await app.WithDbAsync(d => d.Users.Where(u => u.Id == admin.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.DoesNotContain(await app.ActivityAboutAsync("user", admin.Id), a => a.Action == "account.deactivated");
    }
}
