using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Tokens;

/// <summary>My tokens are mine: another user can neither see, revoke nor read them, through pages or API.</summary>
[Collection(Apps.Name)]
public sealed class TokenIsolationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Another_user_does_not_see_my_tokens_on_the_page_or_in_the_api(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceApi = await app.ApiAsync(alice);
        var (id, _) = await ManageTokensTests.CreateOnApiAsync(aliceApi, "Alice private sync");

        var bobPage = await (await app.SignInAsync(bob)).GetAsync("/profile/tokens");
        Assert.DoesNotContain("Alice private sync", bobPage.Text);
        Assert.Contains("Kamu belum punya token API.", bobPage.Text);

        using var bobApi = await app.ApiAsync(bob);
        Assert.Equal(0, (await bobApi.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens")).GetArrayLength());
        await AuthApiTests.AssertProblem(await bobApi.GetAsync($"/api/v1/me/tokens/{id}"), HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_user_cannot_revoke_my_token_through_the_page_or_the_api(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceApi = await app.ApiAsync(alice);
        var (id, secret) = await ManageTokensTests.CreateOnApiAsync(aliceApi, "Alice sync");

        var bobPages = await app.SignInAsync(bob);
        var page = await bobPages.PostFormAsync($"/profile/tokens?handler=Revoke&id={id}", new(), formUrl: "/profile/tokens");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);

        using var bobApi = await app.ApiAsync(bob);
        await AuthApiTests.AssertProblem(await bobApi.DeleteAsync($"/api/v1/me/tokens/{id}"), HttpStatusCode.NotFound);

        // Bob's own personal token cannot do it either.
        var (_, bobSecret) = await ManageTokensTests.CreateOnApiAsync(bobApi, "Bob script");
        using var bobToken = ManageTokensTests.WithToken(app, bobSecret);
        await AuthApiTests.AssertProblem(await bobToken.DeleteAsync($"/api/v1/me/tokens/{id}"), HttpStatusCode.NotFound);

        Assert.Null(await app.WithDbAsync(d => d.Set<ApiToken>().Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
        using var aliceToken = ManageTokensTests.WithToken(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await aliceToken.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_acts_only_as_its_owner(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceApi = await app.ApiAsync(alice);
        await ManageTokensTests.CreateOnApiAsync(aliceApi, "Alice sync");
        using var bobApi = await app.ApiAsync(bob);
        var (_, bobSecret) = await ManageTokensTests.CreateOnApiAsync(bobApi, "Bob script");
        using var bobToken = ManageTokensTests.WithToken(app, bobSecret);

        Assert.Equal(bob.Id, (await bobToken.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid());
        var listed = await bobToken.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        Assert.Equal(["Bob script"], listed.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
    }
}
