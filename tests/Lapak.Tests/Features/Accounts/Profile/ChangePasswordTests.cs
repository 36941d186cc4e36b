using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Profile;

/// <summary>The "Change password" form of /profile.</summary>
[Collection(Apps.Name)]
public sealed class ChangePasswordTests(Apps apps)
{
    private static Dictionary<string, string> Form(string current, string next, string repeat) => new()
    {
        ["Password.CurrentPassword"] = current, ["Password.NewPassword"] = next, ["Password.ConfirmPassword"] = repeat,
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task The_new_password_works_the_old_one_no_longer_does_and_this_session_stays_signed_in(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var changed = await pages.PostFormAsync("/profile?handler=Password", Form(user.Password, "Baru#Sandi2026", "Baru#Sandi2026"), formUrl: "/profile");

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var after = await pages.FollowAsync(changed);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains("Kata sandi kamu sudah diubah.", after.Text);
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.password_changed")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(user));
        await app.SignInAsync(user with { Password = "Baru#Sandi2026" });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_current_password_is_an_error_on_that_field_and_nothing_changes(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        var hashBefore = await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());

        var page = await pages.PostFormAsync("/profile?handler=Password", Form("Salah#Sandi1", "Baru#Sandi2026", "Baru#Sandi2026"), formUrl: "/profile");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Password.CurrentPassword"));
        Assert.Null(page.FieldError("Password.NewPassword"));
        Assert.DoesNotContain("Baru#Sandi2026", page.Html); // passwords are never echoed back
        Assert.Equal(hashBefore, await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_weak_or_mistyped_new_password_is_an_error_on_the_new_password_fields(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var mistyped = await pages.PostFormAsync("/profile?handler=Password", Form(user.Password, "Baru#Sandi2026", "Baru#Sandi2025"), formUrl: "/profile");
        Assert.Equal("Kedua kata sandi tidak sama.", mistyped.FieldError("Password.ConfirmPassword"));

        var weak = await pages.PostFormAsync("/profile?handler=Password", Form(user.Password, "short", "short"), formUrl: "/profile");
        Assert.NotNull(weak.FieldError("Password.NewPassword"));

        var empty = await pages.PostFormAsync("/profile?handler=Password", Form("", "", ""), formUrl: "/profile");
        Assert.Equal("Masukkan kata sandi kamu saat ini.", empty.FieldError("Password.CurrentPassword"));

        await app.SignInAsync(user); // the old password still works
    }
}
