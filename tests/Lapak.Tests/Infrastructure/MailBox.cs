using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lapak.Tests.Infrastructure;

/// <summary>Reads what Lapak really sent over SMTP, from the MailDev server's REST API.</summary>
public sealed partial class MailBox
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri($"http://127.0.0.1:{TestServices.MailWebPort}/") };

    /// <summary>Waits (up to 20 s) for a mail to <paramref name="to"/> that matches, newest first.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await AllToAsync(to)).Where(m => match?.Invoke(m) ?? true).LastOrDefault();
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No matching e-mail reached {to}.");
            await Task.Delay(200);
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> AllToAsync(string to)
    {
        var all = await Http.GetFromJsonAsync<List<ReceivedMail>>("api/email") ?? [];
        return all.Where(m => m.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}

public sealed partial class ReceivedMail
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("subject")] public string Subject { get; set; } = "";
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("html")] public string? Html { get; set; }
    [JsonPropertyName("to")] public List<MailAddress> To { get; set; } = [];
    [JsonPropertyName("headers")] public Dictionary<string, object>? Headers { get; set; }

    /// <summary>The first absolute link in the text part whose path contains <paramref name="path"/>.</summary>
    public Uri Link(string path)
    {
        foreach (Match m in Url().Matches(Text ?? ""))
            if (m.Value.Contains(path, StringComparison.Ordinal)) return new Uri(m.Value);
        throw new InvalidOperationException($"No link to {path} in the mail \"{Subject}\":\n{Text}");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Url();

    public sealed class MailAddress
    {
        [JsonPropertyName("address")] public string Address { get; set; } = "";
        [JsonPropertyName("name")] public string? Name { get; set; }
    }
}
