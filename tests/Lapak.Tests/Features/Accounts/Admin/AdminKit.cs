using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Tests.Features.Accounts.Account;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

/// <summary>Arrange and act helpers the admin tests share.</summary>
internal static partial class AdminKit
{
    /// <summary>A new admin of the shared app, signed in on the pages.</summary>
    public static async Task<(LapakApp App, TestUser Admin, PageClient Pages)> AdminAsync(Apps apps, Db db)
    {
        var app = await apps.Get(db);
        var admin = await app.CreateUserAsync(Roles.Admin);
        return (app, admin, await app.SignInAsync(admin));
    }

    /// <summary>
    /// Posts a form whose fields may repeat (checkbox groups such as roles), with an antiforgery token
    /// read from <paramref name="formUrl"/> like a browser that opened that page.
    /// </summary>
    public static async Task<HtmlPage> PostAsync(this PageClient pages, string url, string formUrl, params (string Name, string Value)[] fields)
    {
        var form = await pages.GetAsync(formUrl);
        var token = TokenInput().Match(form.Html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {formUrl} ({form.Status}).");
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await HtmlPage.ReadAsync(await pages.Http.PostAsync(url, new FormUrlEncodedContent(body)));
    }

    /// <summary>The form-level messages shown above a form (the validation summary).</summary>
    public static string Summary(this HtmlPage page)
    {
        var m = SummaryBlock().Match(page.Html);
        return m.Success ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")).Trim() : "";
    }

    public static Task<string[]> RolesOfAsync(this LapakApp app, Guid userId) => app.WithDbAsync(d =>
        (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!)
            .OrderBy(n => n).ToArrayAsync());

    public static Task<List<ActivityEntry>> ActivityAboutAsync(this LapakApp app, string subjectType, Guid subjectId)
    {
        var id = subjectId.ToString();
        return app.WithDbAsync(d => d.Set<ActivityEntry>().Where(a => a.SubjectType == subjectType && a.SubjectId == id)
            .OrderBy(a => a.Id).ToListAsync());
    }

    public static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status) =>
        AuthApiTests.AssertProblem(response, status);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string[] RolesIn(JsonElement user) => user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    public static string NewEmail(string who = "undangan") => $"{who}-{Guid.NewGuid():N}@test.lapak";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("validation-summary-errors[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryBlock();
}
