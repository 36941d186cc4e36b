using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Shared;

[Collection(Apps.Name)]
public sealed class LanguageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_are_in_Bahasa_Indonesia_by_default(Db db)
    {
        var app = await apps.Get(db);
        var home = await app.Pages().GetAsync("/");
        Assert.Contains("<html lang=\"id\">", home.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_guest_who_switches_to_English_keeps_it_through_a_cookie(Db db)
    {
        var app = await apps.Get(db);
        var pages = app.Pages();

        var switched = await pages.PostFormAsync("/language", new() { ["language"] = "en", ["returnUrl"] = "/account/login" }, formUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/account/login", switched.Location);
        Assert.Contains("<html lang=\"en\">", (await pages.GetAsync("/account/login")).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_choice_of_a_signed_in_user_sticks_to_the_account_on_any_device(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var laptop = await app.SignInAsync(user);

        await laptop.PostFormAsync("/language", new() { ["language"] = "en", ["returnUrl"] = "/" }, formUrl: "/");

        Assert.Equal("en", await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
        var phone = await app.SignInAsync(user); // a fresh client without the cookie
        Assert.Contains("<html lang=\"en\">", (await phone.GetAsync("/")).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_outside_return_url_is_ignored(Db db)
    {
        var app = await apps.Get(db);
        var switched = await app.Pages().PostFormAsync("/language", new() { ["language"] = "en", ["returnUrl"] = "https://evil.example/" }, formUrl: "/");
        Assert.Equal("/", switched.Location);
    }
}
