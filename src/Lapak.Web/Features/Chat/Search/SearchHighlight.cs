using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lapak.Web.Features.Chat.Search;

/// <summary>A found message as safe HTML: everything encoded, each match wrapped in &lt;mark&gt;, long text cut around the first match.</summary>
public static class SearchHighlight
{
    private const int Around = 80;

    public static IHtmlContent Render(string text, string query)
    {
        var q = query.Trim();
        if (q.Length == 0) return new HtmlString(WebUtility.HtmlEncode(text));
        var first = text.IndexOf(q, StringComparison.OrdinalIgnoreCase);
        var start = first > Around ? first - Around : 0;
        var end = Math.Min(text.Length, (first < 0 ? 0 : first) + q.Length + Around * 2);
        var cut = text[start..end];
        var html = new StringBuilder();
        if (start > 0) html.Append('…');
        var at = 0;
        while (at < cut.Length)
        {
            var next = cut.IndexOf(q, at, StringComparison.OrdinalIgnoreCase);
            if (next < 0) break;
            html.Append(WebUtility.HtmlEncode(cut[at..next])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(cut.Substring(next, q.Length))).Append("</mark>");
            at = next + q.Length;
        }
        html.Append(WebUtility.HtmlEncode(cut[at..]));
        if (end < text.Length) html.Append('…');
        return new HtmlString(html.ToString());
    }
}
