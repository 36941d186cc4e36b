using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapak.Tests.Features.Accounts.Account;

[Collection(Apps.Name)]
public sealed class AuthApiTests(Apps apps)
{
    private static StringContent Json(string json) => SignInTests.Json(json);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_issued_for_e_mail_and_password_reads_me_and_the_refresh_token_renews_it(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var http = app.Anonymous();

        var issued = await http.PostAsync("/api/v1/auth/token", Json($$"""{"email":"{{user.Email}}","password":"{{user.Password}}"}"""));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var me = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        var refreshed = await http.PostAsync("/api/v1/auth/refresh",
            Json($$"""{"refreshToken":"{{token.GetProperty("refreshToken").GetString()}}"}"""));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_password_gets_401_problem_details_without_saying_which_part_was_wrong(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var http = app.Anonymous();

        var wrong = await http.PostAsync("/api/v1/auth/token", Json($$"""{"email":"{{user.Email}}","password":"nope-nope"}"""));
        var unknown = await http.PostAsync("/api/v1/auth/token", Json("""{"email":"nobody@test.lapak","password":"nope-nope"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Malformed_json_unknown_fields_and_missing_values_get_field_errors_not_traces(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();

        var malformed = await http.PostAsync("/api/v1/auth/token", Json("""{"email": "a@b.c", "password": """));
        await AssertProblem(malformed, HttpStatusCode.BadRequest);

        var unknownField = await http.PostAsync("/api/v1/auth/token", Json("""{"email":"a@b.c","password":"x","remember":true}"""));
        var unknown = await AssertProblem(unknownField, HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("remember", out _));

        var missing = await http.PostAsync("/api/v1/auth/token", Json("""{"email":"not-an-address","password":""}"""));
        var fields = (await AssertProblem(missing, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(fields.TryGetProperty("email", out _));
        Assert.True(fields.TryGetProperty("password", out _));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_invalid_refresh_token_is_refused(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var response = await http.PostAsync("/api/v1/auth/refresh", Json("""{"refreshToken":"forged"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // never a stack trace
        return JsonDocument.Parse(body).RootElement;
    }
}
