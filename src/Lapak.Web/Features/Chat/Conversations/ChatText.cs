using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary>
/// Markdown-lite for chat: <c>**bold**</c>, <c>_italic_</c>, <c>`code`</c>, line breaks and clickable http(s) links.
/// Everything else is HTML-encoded first, so no markup a sender types ever reaches a page; the few tags added
/// here are the only ones in the result.
/// </summary>
public static partial class ChatText
{
    public static string ToHtml(string body)
    {
        var html = new StringBuilder(body.Length + 16);
        var at = 0;
        foreach (Match link in Url().Matches(body))
        {
            html.Append(Inline(body[at..link.Index]));
            var url = link.Value.TrimEnd('.', ',', ')', '!', '?', ';', ':');
            var encoded = WebUtility.HtmlEncode(url);
            html.Append("<a href=\"").Append(encoded).Append("\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">")
                .Append(encoded).Append("</a>");
            at = link.Index + url.Length;
        }
        html.Append(Inline(body[at..]));
        return html.ToString();
    }

    private static string Inline(string text)
    {
        if (text.Length == 0) return "";
        var s = WebUtility.HtmlEncode(text);
        s = Code().Replace(s, "<code>$1</code>");
        s = Bold().Replace(s, "<strong>$1</strong>");
        s = Italic().Replace(s, "$1<em>$2</em>");
        return s.Replace("\r\n", "\n").Replace("\n", "<br>");
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*\n]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?])")]
    private static partial Regex Italic();
}
