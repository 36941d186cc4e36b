using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class CreateUserByAdminTests(Apps apps)
{
    private static (string, string)[] Form(string email, string name = "Sri Wahyuni", params string[] roles) =>
    [
        ("Input.FullName", name), ("Input.Email", email), ("Input.PhoneNumber", "0812 5555 0101"),
        ("Input.PreferredLanguage", "id"), ("Input.OrganizationId", ""),
        .. roles.Select(r => ("Input.Roles", r)),
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task An_invited_staff_member_gets_the_mail_sets_a_password_through_its_link_and_signs_in(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var email = AdminKit.NewEmail();

        var created = await pages.PostAsync("/admin/users/new", "/admin/users/new", Form(email, "Sri Wahyuni", Roles.Agent, Roles.Supervisor));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var user = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Email == email));
        Assert.Equal($"/admin/users/{user.Id}", created.Location);
        Assert.Null(user.PasswordHash);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(["Agent", "Supervisor"], await app.RolesOfAsync(user.Id));
        var entry = Assert.Single(await app.ActivityAboutAsync("user", user.Id));
        Assert.Equal("account.created_by_admin", entry.Action);
        Assert.Equal(admin.Id, entry.ActorId);

        var details = await pages.FollowAsync(created);
        Assert.Contains(email, details.Text);

        // Without a password nobody can sign in yet.
        var early = await app.Pages().PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "Apa#Saja2026" });
        Assert.Equal(HttpStatusCode.OK, early.Status);

        var mail = await app.Mail.WaitForAsync(email, m => m.Text?.Contains("invite=1") == true);
        Assert.Contains(admin.FullName, mail.Text); // "… created a Lapak account for you"
        var link = mail.Link("/account/reset-password").PathAndQuery;
        var invitee = app.Pages();
        var form = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = form.HiddenFields();
        fields["Password"] = fields["ConfirmPassword"] = "Sandi#Baru2026";
        var set = await invitee.PostFormAsync(link, fields);
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.Contains("notice=password-set", set.Location);

        var signedIn = await invitee.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "Sandi#Baru2026" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.True(await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.Contains("account.invitation_accepted", (await app.ActivityAboutAsync("user", user.Id)).Select(a => a.Action));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_creates_the_account_in_an_organization_answers_201_and_sends_the_invitation(Db db)
    {
        var app = await apps.Get(db);
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var api = await app.ApiAsync(admin);
        var orgId = await app.WithDbAsync(d => d.Set<Organization>().Where(o => o.Name == "Dinas Pendidikan Kota Bekasi").Select(o => o.Id).SingleAsync());
        var email = AdminKit.NewEmail("pembeli");

        var response = await api.PostAsJsonAsync("/api/v1/admin/users", new
        {
            fullName = "Hendra Gunawan", email, phoneNumber = "+62 812 7777 0202", roles = new[] { "customer" },
            organizationId = orgId, preferredLanguage = "en",
        });

        var body = await AdminKit.JsonAsync(response, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/admin/users/{id}", response.Headers.Location?.ToString());
        Assert.Equal(["Customer"], AdminKit.RolesIn(body));
        Assert.Equal("Dinas Pendidikan Kota Bekasi", body.GetProperty("organizationName").GetString());
        Assert.False(body.GetProperty("emailConfirmed").GetBoolean());
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Equal("You are invited to Lapak", mail.Subject); // in the invitee's language, English here
        Assert.Contains("/account/reset-password", mail.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_taken_e_mail_is_a_field_error_on_the_page_and_in_the_api_and_nothing_is_written(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var existing = await app.CreateUserAsync();
        var users = await app.WithDbAsync(d => d.Users.CountAsync());
        var mails = await app.WithDbAsync(d => d.Set<Notification>().CountAsync());

        var page = await pages.PostAsync("/admin/users/new", "/admin/users/new", Form(existing.Email.ToUpperInvariant(), "Orang Lain", Roles.Agent));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input.Email"));
        Assert.Contains("Orang Lain", page.Html); // what was typed is kept

        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        users = await app.WithDbAsync(d => d.Users.CountAsync());
        var response = await api.PostAsJsonAsync("/api/v1/admin/users", new
        {
            fullName = "Orang Lain", email = existing.Email, phoneNumber = "0812 1111 2222", roles = new[] { "Agent" }, preferredLanguage = "id",
        });
        var errors = (await AdminKit.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));

        Assert.Equal(users, await app.WithDbAsync(d => d.Users.CountAsync()));
        Assert.Equal(mails, await app.WithDbAsync(d => d.Set<Notification>().CountAsync()));
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.FullName == "Orang Lain")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Missing_roles_a_short_name_a_bad_phone_or_an_unknown_role_are_field_errors(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var email = AdminKit.NewEmail();

        var page = await pages.PostAsync("/admin/users/new", "/admin/users/new",
            ("Input.FullName", "X"), ("Input.Email", email), ("Input.PhoneNumber", "telepon saya"), ("Input.PreferredLanguage", "id"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input.FullName"));
        Assert.NotNull(page.FieldError("Input.PhoneNumber"));
        Assert.NotNull(page.FieldError("Input.Roles"));

        using var api = await app.ApiAsync(admin);
        var unknownRole = await api.PostAsJsonAsync("/api/v1/admin/users", new
        {
            fullName = "Tono Sutono", email, phoneNumber = "0812 1111 2222", roles = new[] { "Superuser" }, preferredLanguage = "id",
        });
        Assert.True((await AdminKit.ProblemAsync(unknownRole, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("roles", out _));

        var empty = await api.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "", email = "bukan-email", phoneNumber = "", roles = Array.Empty<string>() });
        var errors = (await AdminKit.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "fullName", "email", "phoneNumber", "roles" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unconfirmed_user_can_be_invited_again_and_a_confirmed_one_cannot(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var email = AdminKit.NewEmail();
        var created = await pages.PostAsync("/admin/users/new", "/admin/users/new", Form(email, "Dedi Kurniawan", Roles.Customer));
        var url = created.Location!;
        await app.Mail.WaitForAsync(email);

        var again = await pages.PostAsync($"{url}?handler=Invite", url);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var mails = await app.Mail.AllToAsync(email);
        for (var i = 0; i < 100 && mails.Count < 2; i++)
        {
            await Task.Delay(200);
            mails = await app.Mail.AllToAsync(email);
        }
        Assert.Equal(2, mails.Count);

        var confirmed = await app.CreateUserAsync();
        var refused = await pages.PostAsync($"/admin/users/{confirmed.Id}?handler=Invite", $"/admin/users/{confirmed.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEmpty(refused.Summary());
    }
}
