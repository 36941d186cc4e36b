using System.Net;
using System.Net.Http.Json;
using Lapak.Tests.Features.Accounts.Account;
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

    [Theory, ClassData(typeof(Databases))]
    public async Task Through_the_api_the_password_changes_and_a_wrong_current_one_is_a_field_error(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var wrong = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Salah#2026", newPassword = "Baru#Sekali2026", confirmPassword = "Baru#Sekali2026" });
        Assert.True((await AuthApiTests.AssertProblem(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        var mismatch = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "Baru#Sekali2026", confirmPassword = "Lain#2026" });
        Assert.True((await AuthApiTests.AssertProblem(mismatch, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("confirmPassword", out _));

        var changed = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "Baru#Sekali2026", confirmPassword = "Baru#Sekali2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // The old bearer token carried the old security stamp: it no longer works, and the new password does.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        using var again = await app.ApiAsync(user with { Password = "Baru#Sekali2026" });
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me")).StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.SubjectId == user.Id.ToString() && a.Action == "account.password_changed")));
    }
}
