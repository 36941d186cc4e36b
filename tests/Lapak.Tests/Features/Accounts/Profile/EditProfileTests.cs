using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Profile;

/// <summary>/profile: name, phone and language, and the facts shown about the account.</summary>
[Collection(Apps.Name)]
public sealed class EditProfileTests(Apps apps)
{
    internal static Dictionary<string, string> Details(string name, string phone, string language) =>
        new() { ["Input.FullName"] = name, ["Input.PhoneNumber"] = phone, ["Input.PreferredLanguage"] = language };

    [Theory, ClassData(typeof(Databases))]
    public async Task The_profile_page_needs_sign_in(Db db)
    {
        var app = await apps.Get(db);
        var page = await app.Pages().GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/login", new Uri(app.BaseAddress, page.Location).PathAndQuery);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_profile_page_shows_my_email_read_only_my_roles_and_since_when_I_am_a_member(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync(Roles.Customer, Roles.Seller);
        var pages = await app.SignInAsync(user);

        var page = await pages.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches($"<input id=\"email\" type=\"email\"[^>]*value=\"{System.Text.RegularExpressions.Regex.Escape(user.Email)}\"[^>]*readonly", page.Html);
        Assert.Contains("Pelanggan", page.Text);
        Assert.Contains("Penjual", page.Text);
        Assert.Contains("Anggota sejak", page.Text);
        Assert.Contains(" WIB", page.Text);
        Assert.Contains($"value=\"{user.FullName}\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Saving_name_phone_and_English_updates_the_account_and_the_next_page_is_in_English(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var saved = await pages.PostFormAsync("/profile", Details("Rina Wulandari", "+62 811 2222 3333", "en"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("/profile", saved.Location);
        var after = await pages.FollowAsync(saved);
        Assert.Contains("<html lang=\"en\">", after.Html);
        Assert.Contains("Your profile has been saved.", after.Text);
        Assert.Contains("Rina Wulandari", after.Text); // the header's name comes from the refreshed sign-in
        Assert.Equal("en", pages.Cookies.GetCookies(app.BaseAddress)[".Lapak.Language"]?.Value);
        var u = await app.WithDbAsync(d => d.Users.SingleAsync(x => x.Id == user.Id));
        Assert.Equal(("Rina Wulandari", "+62 811 2222 3333", "en"), (u.FullName, u.PhoneNumber, u.PreferredLanguage));
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.profile_updated")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Emptying_the_phone_field_removes_the_number(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var saved = await pages.PostFormAsync("/profile", Details(user.FullName, "", "id"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Null(await app.WithDbAsync(d => d.Users.Where(x => x.Id == user.Id).Select(x => x.PhoneNumber).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_empty_name_and_a_bad_phone_are_shown_on_their_fields_and_nothing_is_saved(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var page = await pages.PostFormAsync("/profile", Details("", "call me maybe", "en"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Masukkan nama kamu.", page.FieldError("Input.FullName"));
        Assert.NotNull(page.FieldError("Input.PhoneNumber"));
        Assert.Contains("value=\"call me maybe\"", page.Html); // what was typed is kept for correction
        var u = await app.WithDbAsync(d => d.Users.SingleAsync(x => x.Id == user.Id));
        Assert.Equal((user.FullName, "081234567890", "id"), (u.FullName, u.PhoneNumber, u.PreferredLanguage));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_change_made_through_the_api_shows_on_the_profile_page(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var response = await api.PatchAsJsonAsync("/api/v1/me", new { fullName = "Dewi Lestari", phoneNumber = "0813 9999 0000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await (await app.SignInAsync(user)).GetAsync("/profile");
        Assert.Contains("value=\"Dewi Lestari\"", page.Html);
        Assert.Contains("value=\"0813 9999 0000\"", page.Html);
    }
}
