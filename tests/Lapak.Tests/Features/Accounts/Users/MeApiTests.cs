using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Users;

[Collection(Apps.Name)]
public sealed class MeApiTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Anonymous_callers_get_401_problem_details_not_a_login_redirect(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        await AuthApiTests.AssertProblem(await http.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await AuthApiTests.AssertProblem(await http.GetAsync("/api/v1/me/notifications"), HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Me_shows_my_own_account_with_roles_and_channels(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync(Roles.Customer, Roles.Seller);
        using var api = await app.ApiAsync(user);

        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(["Customer", "Seller"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("id", me.GetProperty("preferredLanguage").GetString());
        Assert.True(me.GetProperty("notifications").GetProperty("inApp").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Patching_me_changes_only_the_fields_sent(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var response = await api.PatchAsJsonAsync("/api/v1/me", new { fullName = "Rudi Hartono", preferredLanguage = "en", notifyEmail = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Rudi Hartono", saved.FullName);
        Assert.Equal("en", saved.PreferredLanguage);
        Assert.False(saved.NotifyEmail);
        Assert.Equal("081234567890", saved.PhoneNumber);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_too_long_name_a_bad_phone_or_an_unknown_language_is_refused_and_nothing_changes(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var response = await api.PatchAsJsonAsync("/api/v1/me", new { fullName = new string('x', 101), phoneNumber = "call me", preferredLanguage = "fr" });

        var errors = (await AuthApiTests.AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("fullName", out _));
        Assert.True(errors.TryGetProperty("phoneNumber", out _));
        Assert.True(errors.TryGetProperty("preferredLanguage", out _));
        var saved = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal(user.FullName, saved.FullName);
        Assert.Equal("id", saved.PreferredLanguage);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unknown_fields_are_rejected_so_a_typo_never_silently_does_nothing(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var response = await api.PatchAsync("/api/v1/me", SignInTests.Json("""{"fullname_typo":"X","isAdmin":true}"""));

        await AuthApiTests.AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Field_errors_come_in_the_callers_language(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        var english = await api.PatchAsJsonAsync("/api/v1/me", new { preferredLanguage = "en" });
        english.EnsureSuccessStatusCode();
        using var englishApi = await app.ApiAsync(user); // the new token carries the language

        var response = await englishApi.PatchAsJsonAsync("/api/v1/me", new { fullName = "x" });

        var message = (await AuthApiTests.AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("fullName")[0].GetString();
        Assert.Equal("The name must be between 2 and 100 characters.", message);
    }
}
