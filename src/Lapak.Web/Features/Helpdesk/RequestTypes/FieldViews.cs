using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Web.Features.Helpdesk.RequestTypes;

/// <summary>
/// A ticket's field values for reading. Values of fields the type no longer has are still shown (under their key),
/// so editing a request type never hides what a customer once sent.
/// </summary>
public static class FieldViews
{
    /// <param name="branchNames">Branch labels by code, for <c>Branch</c> fields (<see cref="BranchChoices.NamesAsync"/>).</param>
    public static List<TicketFieldView> For(IReadOnlyList<RequestField> fields, IReadOnlyDictionary<string, string> values, string lang,
        IReadOnlyDictionary<string, string>? branchNames = null)
    {
        var views = new List<TicketFieldView>();
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
            else if (f.Kind == FieldKind.DateTimeWindow) views.Add(new(f.Label(lang), FieldValues.Window(raw)));
            else if (f.Kind == FieldKind.Branch) views.Add(new(f.Label(lang), branchNames?.GetValueOrDefault(raw) ?? raw));
            else views.Add(new(f.Label(lang), raw));
        }
        foreach (var (key, raw) in values.Where(v => fields.All(f => f.Key != v.Key))) views.Add(new(key, raw));
        return views;
    }
}
