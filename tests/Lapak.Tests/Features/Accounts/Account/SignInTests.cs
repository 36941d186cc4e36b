using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Accounts.Account;

[Collection(Apps.Name)]
public sealed class SignInTests(Apps apps)
{
    private static Dictionary<string, string> Login(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Theory, ClassData(typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_and_even_the_right_one_is_refused_until_it_ends(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = app.Pages();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await pages.PostFormAsync("/account/login", Login(user.Email, "Wrong#Pass" + i))).Status);

        var locked = await pages.PostFormAsync("/account/login", Login(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Contains("15", locked.Text); // "locked for 15 minutes"
        var lockoutEnd = await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.locked_out")));

        // The API refuses too, with ProblemDetails.
        using var api = app.Anonymous();
        var token = await api.PostAsync("/api/v1/auth/token", Json($$"""{"email":"{{user.Email}}","password":"{{user.Password}}"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_the_old_one_stops_working(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = app.Pages();

        var asked = await pages.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email });
        Assert.Equal(HttpStatusCode.OK, asked.Status);

        var mail = await app.Mail.WaitForAsync(user.Email, m => m.Text?.Contains("/account/reset-password") == true);
        var link = mail.Link("/account/reset-password").PathAndQuery;
        var form = await pages.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var fields = form.HiddenFields();
        fields["Password"] = fields["ConfirmPassword"] = "Baru#Sekali2026";
        var reset = await pages.PostFormAsync(link, fields);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);

        Assert.Equal(HttpStatusCode.OK, (await app.Pages().PostFormAsync("/account/login", Login(user.Email, user.Password))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Pages().PostFormAsync("/account/login", Login(user.Email, "Baru#Sekali2026"))).Status);

        // The link is single-use: the security stamp changed, so it no longer verifies.
        Assert.Equal(HttpStatusCode.BadRequest, (await pages.GetAsync(link)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_broken_or_expired_reset_link_says_so_before_asking_for_a_password(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var page = await app.Pages().GetAsync($"/account/reset-password?userId={user.Id}&code=bm90LWEtdG9rZW4");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("name=\"Password\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Asking_for_a_reset_of_an_unknown_address_looks_the_same_and_sends_nothing(Db db)
    {
        var app = await apps.Get(db);
        var email = $"nobody-{Guid.NewGuid():N}@test.lapak";
        var page = await app.Pages().PostFormAsync("/account/forgot-password", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        await Task.Delay(1500);
        Assert.Empty(await app.Mail.AllToAsync(email));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_deactivated_user_cannot_sign_in_on_the_page_or_the_api(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var page = await app.Pages().PostFormAsync("/account/login", Login(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        using var api = app.Anonymous();
        var token = await api.PostAsync("/api/v1/auth/token", Json($$"""{"email":"{{user.Email}}","password":"{{user.Password}}"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Signing_out_ends_the_session(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        Assert.Contains(user.FullName, (await pages.GetAsync("/")).Text);

        var signedOut = await pages.PostFormAsync("/account/logout", [], formUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        var home = await pages.GetAsync("/");
        Assert.DoesNotContain(user.FullName, home.Text);
        Assert.Contains("/account/login", home.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_accounts_branches_and_team_are_seeded_and_sign_in_with_the_demo_password(Db db)
    {
        var app = await apps.Get(db);
        foreach (var (email, _, role, _) in Lapak.Web.Infrastructure.Startup.DemoData.Accounts)
        {
            var demo = new TestUser(Guid.Empty, email, "Lapak#2026", "");
            Assert.Equal(HttpStatusCode.Redirect, (await app.Pages().PostFormAsync("/account/login", Login(email, "Lapak#2026"))).Status);
            await app.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<LapakUser>>();
                Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role));
            });
        }
        var branches = await app.WithDbAsync(d => d.Set<Branch>().Select(b => b.City).ToListAsync());
        Assert.Equal(5, branches.Count);
        Assert.Contains("Bandung", branches);
        Assert.True(await app.WithDbAsync(d => d.Set<Organization>().AnyAsync(o => o.Name == "Dinas Pendidikan Kota Bekasi" && o.Kind == OrganizationKind.GovernmentUnit)));
        Assert.True(await app.WithDbAsync(d => d.Set<Team>().AnyAsync(t => t.Name == "Customer Service")));
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
