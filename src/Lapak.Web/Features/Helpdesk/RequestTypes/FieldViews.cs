using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Web.Features.Helpdesk.RequestTypes;

/// <summary>
/// A ticket's field values for reading. Values of fields the type no longer has are still shown (under their key),
/// so editing a request type never hides what a customer once sent.
/// </summary>
public static class FieldViews
{
    /// <param name="branches">The branches by code, for <c>Branch</c> fields (<see cref="BranchChoices.ByCodeAsync"/>); a window of a
    /// type with a Branch field is in that branch's local time (WIB, WITA or WIT).</param>
    public static List<TicketFieldView> For(IReadOnlyList<RequestField> fields, IReadOnlyDictionary<string, string> values, string lang,
        IReadOnlyDictionary<string, BranchChoice>? branches = null)
    {
        var views = new List<TicketFieldView>();
        var branch = fields.Where(f => f.Kind == FieldKind.Branch).Select(f => values.GetValueOrDefault(f.Key))
            .Select(code => code is null ? null : branches?.GetValueOrDefault(code)).FirstOrDefault(b => b is not null);
        foreach (var f in fields.Where(f => values.ContainsKey(f.Key)))
        {
            var raw = values[f.Key];
            if (f.Kind == FieldKind.List)
            {
                var items = f.Items ?? [];
                var rows = FieldValues.Rows(raw);
                if (rows.Count == 0 && raw != "[]") { views.Add(new(f.Label(lang), raw)); continue; }
                if (rows.Count == 0) continue;
                // Columns of items removed from the type since stay visible too.
                var keys = items.Select(i => i.Key).Concat(rows.SelectMany(r => r.Keys)).Distinct().ToList();
                var columns = keys.Select(k => items.FirstOrDefault(i => i.Key == k)?.Label(lang) ?? k).ToList();
                var cells = rows.Select(r => (IReadOnlyList<string>)keys.Select(k => r.GetValueOrDefault(k) ?? "").ToList()).ToList();
                views.Add(new(f.Label(lang), raw, columns, cells));
            }
            else if (f.Kind == FieldKind.DateTimeWindow) views.Add(new(f.Label(lang), FieldValues.Window(raw, branch?.Zone ?? "WIB")));
            else if (f.Kind == FieldKind.Branch) views.Add(new(f.Label(lang), branches?.GetValueOrDefault(raw)?.Label ?? raw));
            else views.Add(new(f.Label(lang), raw));
        }
        foreach (var (key, raw) in values.Where(v => fields.All(f => f.Key != v.Key))) views.Add(new(key, raw));
        return views;
    }
}
