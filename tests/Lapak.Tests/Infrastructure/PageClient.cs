using System.Net;
using System.Text.RegularExpressions;

namespace Lapak.Tests.Infrastructure;

/// <summary>
/// Drives the Razor Pages like a browser without JavaScript: keeps cookies, reads the antiforgery token
/// from the form page before posting, and does not follow redirects so tests can assert where they lead.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _http;

    public PageClient(LapakApp app)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
    }

    public CookieContainer Cookies { get; }
    public HttpClient Http => _http;

    public async Task<HtmlPage> GetAsync(string url) => await HtmlPage.ReadAsync(await _http.GetAsync(url));

    /// <summary>GETs <paramref name="formUrl"/> (default: <paramref name="url"/>) for a fresh antiforgery token, then posts the fields.</summary>
    public async Task<HtmlPage> PostFormAsync(string url, Dictionary<string, string> fields, string? formUrl = null)
    {
        var token = await TokenAsync(formUrl ?? url);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await HtmlPage.ReadAsync(await _http.PostAsync(url, new FormUrlEncodedContent(body)));
    }

    /// <summary>Posts a multipart form (file uploads); the antiforgery token is added like a browser would.</summary>
    public async Task<HtmlPage> PostMultipartAsync(string url, MultipartFormDataContent content, string? formUrl = null)
    {
        content.Add(new StringContent(await TokenAsync(formUrl ?? url)), "__RequestVerificationToken");
        return await HtmlPage.ReadAsync(await _http.PostAsync(url, content));
    }

    /// <summary>Follows a redirect answer with a GET, as a browser does after a form post.</summary>
    public async Task<HtmlPage> FollowAsync(HtmlPage redirect) =>
        redirect.Location is { } location ? await GetAsync(location) : throw new InvalidOperationException($"Not a redirect: {redirect.Status}");

    private async Task<string> TokenAsync(string formUrl)
    {
        var page = await GetAsync(formUrl);
        var match = TokenInput().Match(page.Html);
        if (!match.Success) throw new InvalidOperationException($"No form with an antiforgery token on {formUrl} ({page.Status}).");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public void Dispose() => _http.Dispose();
}

/// <summary>A page as received: status, HTML, the redirect target and the visible text.</summary>
public sealed partial class HtmlPage
{
    public required HttpStatusCode Status { get; init; }
    public required string Html { get; init; }
    public string? Location { get; init; }

    /// <summary>The HTML without tags and with entities decoded, whitespace collapsed: what a reader sees.</summary>
    public string Text => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(Html, " "), " ")), " ");

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response) => new()
    {
        Status = response.StatusCode,
        Html = await response.Content.ReadAsStringAsync(),
        Location = response.Headers.Location?.ToString(),
    };

    /// <summary>The field-level validation message shown for an input, e.g. <c>Input.Email</c>.</summary>
    public string? FieldError(string field)
    {
        var m = Regex.Match(Html, "data-valmsg-for=\"" + Regex.Escape(field) + "\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        var text = m.Success ? WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The hidden inputs of the page's forms (not the antiforgery token), e.g. to post a form back as it was given.</summary>
    public Dictionary<string, string> HiddenFields() =>
        Regex.Matches(Html, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attr(m.Value, "name"), Value: Attr(m.Value, "value")))
            .Where(f => f.Name is not null && f.Name != "__RequestVerificationToken" && f.Name != "returnUrl")
            .GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value ?? ""));

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, name + "=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    public override string ToString() => $"{(int)Status} {Location} {Text[..Math.Min(Text.Length, 400)]}";

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
