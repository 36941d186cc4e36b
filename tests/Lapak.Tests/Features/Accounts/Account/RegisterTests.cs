using System.Net;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Account;

[Collection(Apps.Name)]
public sealed class RegisterTests(Apps apps)
{
    private static Dictionary<string, string> Form(string email, string password = "Rahasia#2026", string name = "Wulan Sari") => new()
    {
        ["Input.FullName"] = name, ["Input.Email"] = email, ["Input.PhoneNumber"] = "0812 3456 7890",
        ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
    };

    private static string NewEmail() => $"wulan-{Guid.NewGuid():N}@test.lapak";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_customer_confirms_the_e_mail_through_the_link_that_arrives_and_then_signs_in(Db db)
    {
        var app = await apps.Get(db);
        var email = NewEmail();
        var pages = app.Pages();

        var registered = await pages.PostFormAsync("/account/register", Form(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);

        // Not confirmed yet: sign-in is refused with a way to get the mail again.
        var early = await pages.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "Rahasia#2026" });
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains("/account/resend-confirmation", early.Html);

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Wulan Sari", mail.Text);
        var confirm = await pages.GetAsync(mail.Link("/account/confirm-email").PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);

        var signedIn = await pages.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "Rahasia#2026" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var home = await pages.FollowAsync(signedIn);
        Assert.Contains("Wulan Sari", home.Text);

        var user = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("0812 3456 7890", user.PhoneNumber);
        var actions = await app.WithDbAsync(d => d.Set<ActivityEntry>().Where(a => a.ActorId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("account.registered", actions);
        Assert.Contains("account.email_confirmed", actions);
        Assert.Contains("account.signed_in", actions);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_registered_e_mail_cannot_register_again_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var existing = await app.CreateUserAsync();
        var before = await app.WithDbAsync(d => d.Users.CountAsync());

        var page = await app.Pages().PostFormAsync("/account/register", Form(existing.Email));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input.Email"));
        Assert.Equal(before, await app.WithDbAsync(d => d.Users.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Invalid_e_mail_weak_password_and_a_too_long_name_each_get_a_field_message(Db db)
    {
        var app = await apps.Get(db);
        var pages = app.Pages();

        var badEmail = await pages.PostFormAsync("/account/register", Form("not-an-address"));
        Assert.NotNull(badEmail.FieldError("Input.Email"));

        var email = NewEmail();
        var weak = await pages.PostFormAsync("/account/register", Form(email, password: "abc"));
        Assert.NotNull(weak.FieldError("Input.Password"));

        var longName = await pages.PostFormAsync("/account/register", Form(email, name: new string('a', 101)));
        Assert.NotNull(longName.FieldError("Input.FullName"));

        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_confirmation_token_is_refused(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));

        var page = await app.Pages().GetAsync($"/account/confirm-email?userId={user.Id}&code=bm90LWEtdG9rZW4");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
    }
}
