using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>Reading an incoming e-mail as a person would: its text, without the quoted history and signature.</summary>
public static partial class InboundMailText
{
    /// <summary>
    /// Text beyond this is never looked at: a ticket holds far less, and it bounds the work any pattern below can be made to do.
    /// </summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>The plain-text part, or the HTML part turned into text when there is no plain one.</summary>
    public static string Body(MimeMessage message)
    {
        if (message.TextBody is { } text) return Normalize(Clean(text, MaxTextLength));
        return message.HtmlBody is { } html ? Normalize(Clean(HtmlToText(html), MaxTextLength)) : "";
    }

    /// <summary>
    /// Text as a database takes it from a stranger's mail: no control characters but line feeds (a lone CR becomes one) and tabs (PostgreSQL
    /// refuses NUL), no half surrogate pairs (not encodable), and at most <paramref name="max"/> characters without
    /// cutting a pair in two.
    /// </summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(Math.Min(text.Length, max));
        for (var i = 0; i < text.Length && sb.Length < max; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && sb.Length + 2 <= max) sb.Append(c).Append(text[++i]);
                else if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) break;
            }
            else if (c == '\r') { if (i + 1 >= text.Length || text[i + 1] != '\n') sb.Append('\n'); }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not '\n' and not '\t')) continue;
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// What the sender wrote above the quoted mail: everything from the first "On … wrote:" / "Pada … menulis:" line,
    /// an "-----Original Message-----" separator, a "From:" header block, a run of "&gt;" quotes or a "-- " signature
    /// onwards is cut.
    /// </summary>
    public static string StripQuoted(string body)
    {
        var lines = Cut(body, MaxTextLength).Split('\n');
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
        var s = Cut(subject ?? "", MaxTextLength);
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
        var s = Spaces().Replace(Hidden().Replace(Cut(html, 4 * MaxTextLength), " "), " ");
        s = LineBreaks().Replace(s, "\n");
        s = WebUtility.HtmlDecode(Tags().Replace(s, ""));
        return string.Join('\n', s.Split('\n').Select(l => l.Trim()));
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OriginalMessage();
    [GeneratedRegex(@"^(On|Pada)\s.*\s(wrote|menulis)\s*:$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Attribution();
    [GeneratedRegex(@"^(On|Pada)\s", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AttributionStart();
    [GeneratedRegex(@"^(From|Dari)\s*:", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OutlookHeader();
    [GeneratedRegex(@"^(Sent|Date|Dikirim|Tanggal|To|Kepada)\s*:", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OutlookNext();
    [GeneratedRegex(@"^\s*(re|fw|fwd|aw|bls|balas|trs|teruskan)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ReplyPrefix();
    [GeneratedRegex(@"\[#[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}\]", RegexOptions.NonBacktracking)]
    private static partial Regex SubjectTagPattern();
    // No backreference (the non-backtracking engine has none): one alternative per element.
    [GeneratedRegex(@"<script[^>]*>.*?</script\s*>|<style[^>]*>.*?</style\s*>|<head[^>]*>.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Hidden();
    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\s*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LineBreaks();
    [GeneratedRegex(@"<[^>]+>", RegexOptions.NonBacktracking)]
    private static partial Regex Tags();
    [GeneratedRegex(@"\n{3,}", RegexOptions.NonBacktracking)]
    private static partial Regex ManyBlankLines();
    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Spaces();
}
