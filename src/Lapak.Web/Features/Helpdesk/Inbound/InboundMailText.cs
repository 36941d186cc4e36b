using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>Reading an incoming e-mail as a person would: its text, without the quoted history and signature.</summary>
public static partial class InboundMailText
{
    /// <summary>The plain-text part, or the HTML part turned into text when there is no plain one.</summary>
    public static string Body(MimeMessage message)
    {
        if (message.TextBody is { } text) return Normalize(text);
        return message.HtmlBody is { } html ? Normalize(HtmlToText(html)) : "";
    }

    /// <summary>
    /// What the sender wrote above the quoted mail: everything from the first "On … wrote:" / "Pada … menulis:" line,
    /// an "-----Original Message-----" separator, a "From:" header block, a run of "&gt;" quotes or a "-- " signature
    /// onwards is cut.
    /// </summary>
    public static string StripQuoted(string body)
    {
        var lines = body.Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith('>') || trimmed == "--" || line == "-- " || OriginalMessage().IsMatch(trimmed)) break;
            // Clients wrap the attribution line: "On Tue, 24 Nov 2026 at 10:00, Lapak" / "<no-reply@…> wrote:".
            var joined = i + 1 < lines.Length ? trimmed + " " + lines[i + 1].Trim() : trimmed;
            if (Attribution().IsMatch(trimmed) || (Attribution().IsMatch(joined) && AttributionStart().IsMatch(trimmed))) break;
            if (OutlookHeader().IsMatch(trimmed) && i + 1 < lines.Length && OutlookNext().IsMatch(lines[i + 1].Trim())) break;
            kept.Add(line);
        }
        return string.Join('\n', kept).Trim();
    }

    /// <summary>"Re: Fwd: [#K7MQ-X9AR] Internet mati" → "Internet mati".</summary>
    public static string CleanSubject(string? subject)
    {
        var s = subject ?? "";
        string before;
        do
        {
            before = s;
            s = ReplyPrefix().Replace(s, "").Trim();
        } while (s != before);
        return Spaces().Replace(SubjectTagPattern().Replace(s, " "), " ").Trim();
    }

    public static string HtmlToText(string html)
    {
        // Line breaks in HTML source are spaces; only the markup breaks lines.
        var s = Spaces().Replace(Hidden().Replace(html, " "), " ");
        s = LineBreaks().Replace(s, "\n");
        s = WebUtility.HtmlDecode(Tags().Replace(s, ""));
        return string.Join('\n', s.Split('\n').Select(l => l.Trim()));
    }

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();
    [GeneratedRegex(@"^(On|Pada)\s.*\s(wrote|menulis)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();
    [GeneratedRegex(@"^(On|Pada)\s", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();
    [GeneratedRegex(@"^(From|Dari)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookHeader();
    [GeneratedRegex(@"^(Sent|Date|Dikirim|Tanggal|To|Kepada)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookNext();
    [GeneratedRegex(@"^\s*(re|fw|fwd|aw|bls|balas|trs|teruskan)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
    [GeneratedRegex(@"\[#[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}\]")]
    private static partial Regex SubjectTagPattern();
    [GeneratedRegex(@"<(script|style|head)[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();
    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();
    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
