using System.Net;
using System.Security.Claims;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class ChangeUserRolesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_saved_on_the_page_replace_the_old_ones_notify_the_user_and_log_old_and_new(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var user = await app.CreateUserAsync(Roles.Customer);
        var url = $"/admin/users/{user.Id}";

        var saved = await pages.PostAsync($"{url}?handler=Roles", url, ("roles", Roles.Seller), ("roles", Roles.Agent));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["Agent", "Seller"], await app.RolesOfAsync(user.Id));
        var entry = Assert.Single(await app.ActivityAboutAsync("user", user.Id), a => a.Action == "account.roles_changed");
        Assert.Equal("Customer → Seller, Agent", entry.Detail);
        Assert.Equal(admin.Id, entry.ActorId);
        var notification = await app.WithDbAsync(d => d.Set<Notification>().SingleAsync(n => n.UserId == user.Id && n.Kind == AccountMail.RolesChanged));
        Assert.Contains("Penjual, Agen", notification.Data); // named in the user's language (Bahasa Indonesia)

        var page = await pages.FollowAsync(saved);
        Assert.Contains("Customer → Seller, Agent", page.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_grants_and_revokes_one_role_at_a_time_and_both_are_logged(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var user = await app.CreateUserAsync(Roles.Customer);

        var granted = await AdminKit.JsonAsync(await api.PutAsync($"/api/v1/admin/users/{user.Id}/roles/seller", null), HttpStatusCode.OK);
        Assert.Equal(["Customer", "Seller"], AdminKit.RolesIn(granted));
        var again = await AdminKit.JsonAsync(await api.PutAsync($"/api/v1/admin/users/{user.Id}/roles/Seller", null), HttpStatusCode.OK);
        Assert.Equal(["Customer", "Seller"], AdminKit.RolesIn(again));

        var revoked = await AdminKit.JsonAsync(await api.DeleteAsync($"/api/v1/admin/users/{user.Id}/roles/Customer"), HttpStatusCode.OK);
        Assert.Equal(["Seller"], AdminKit.RolesIn(revoked));

        var details = (await app.ActivityAboutAsync("user", user.Id)).Where(a => a.Action == "account.roles_changed").Select(a => a.Detail).ToList();
        Assert.Equal(["Customer → Customer, Seller", "Customer, Seller → Seller"], details);
        Assert.Equal(2, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == user.Id && n.Kind == AccountMail.RolesChanged)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_role_the_last_role_or_an_unknown_user_is_refused(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var user = await app.CreateUserAsync(Roles.Customer);

        var unknown = await api.PutAsync($"/api/v1/admin/users/{user.Id}/roles/Superuser", null);
        Assert.True((await AdminKit.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        var last = await api.DeleteAsync($"/api/v1/admin/users/{user.Id}/roles/Customer");
        await AdminKit.ProblemAsync(last, HttpStatusCode.BadRequest);
        await AdminKit.ProblemAsync(await api.PutAsync($"/api/v1/admin/users/{Guid.NewGuid()}/roles/Seller", null), HttpStatusCode.NotFound);

        Assert.Equal(["Customer"], await app.RolesOfAsync(user.Id));
        Assert.DoesNotContain(await app.ActivityAboutAsync("user", user.Id), a => a.Action == "account.roles_changed");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_cannot_take_away_their_own_admin_role_on_the_page_or_in_the_api(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var url = $"/admin/users/{admin.Id}";

        var page = await pages.PostAsync($"{url}?handler=Roles", url, ("roles", Roles.Customer));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Admin", page.Summary());

        using var api = await app.ApiAsync(admin);
        var response = await api.DeleteAsync($"/api/v1/admin/users/{admin.Id}/roles/Admin");
        await AdminKit.ProblemAsync(response, HttpStatusCode.Conflict);

        Assert.Equal(["Admin"], await app.RolesOfAsync(admin.Id));
        // The page does not even offer it: the box is locked and explained.
        var form = await pages.GetAsync(url);
        Assert.Matches("id=\"role-Admin\"[^>]*disabled", form.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_last_active_admin_can_neither_lose_the_admin_role_nor_be_deactivated(Db db)
    {
        // A Lapak of its own, where the demo administrator is the only admin.
        await using var app = await LapakApp.StartAsync(db);
        var only = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Email == "admin@lapak.test"));
        // Someone whose Admin role was revoked a moment ago can still hold it in a session that has not been re-checked yet.
        var stale = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        Outcome revoke = null!, deactivate = null!;
        await app.WithScopeAsync(async sp => revoke = await sp.GetRequiredService<ChangeUserRoles.Handler>().RevokeAsync(stale, only.Id, Roles.Admin));
        await app.WithScopeAsync(async sp => deactivate = await sp.GetRequiredService<SetUserActive.Handler>().HandleAsync(stale, only.Id, active: false));

        Assert.Equal(OutcomeKind.Conflict, revoke.Kind);
        Assert.Equal(OutcomeKind.Conflict, deactivate.Kind);
        Assert.Contains(Roles.Admin, await app.RolesOfAsync(only.Id));
        Assert.True(await app.WithDbAsync(d => d.Users.Where(u => u.Id == only.Id).Select(u => u.IsActive).SingleAsync()));

        // With a second active admin, the first may step down.
        var second = await app.CreateUserAsync(Roles.Admin);
        using var api = await app.ApiAsync(second);
        var response = await api.DeleteAsync($"/api/v1/admin/users/{only.Id}/roles/Admin");
        Assert.Equal(["Agent"], AdminKit.RolesIn(await AdminKit.JsonAsync(response, HttpStatusCode.OK)));

        // Now the second is the last one: the page explains instead of offering the button.
        var pages = await app.SignInAsync(second);
        var own = await pages.GetAsync($"/admin/users/{second.Id}");
        Assert.DoesNotContain("handler=Deactivate", own.Html);
    }
}
