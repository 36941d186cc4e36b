namespace Lapak.Web.Features.Shared;

/// <summary>Page links that keep the list's filters: <paramref name="UrlFor"/> builds the address of page n.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> UrlFor)
{
    /// <summary>The first, last and nearby pages; 0 marks a gap shown as "…".</summary>
    public IEnumerable<int> Links()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var i = Page - 2; i <= Page + 2; i++)
            if (i >= 1 && i <= PageCount) shown.Add(i);
        var previous = 0;
        foreach (var n in shown)
        {
            if (n - previous > 1) yield return 0;
            yield return n;
            previous = n;
        }
    }

    /// <summary>A list address: <paramref name="path"/> plus the non-empty <paramref name="query"/> values and the page number.</summary>
    public static string Url(string path, int page, params (string Key, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}").ToList();
        if (page > 1) parts.Add($"page={page}");
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }
}
