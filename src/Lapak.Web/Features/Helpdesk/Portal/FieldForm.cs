using System.Text.Json.Nodes;
using Lapak.Web.Features.Helpdesk.RequestTypes;

namespace Lapak.Web.Features.Helpdesk.Portal;

/// <summary>
/// A window and a list need several inputs each, named <c>Parts.{key}.start</c>/<c>.end</c> and
/// <c>Parts.{key}.{row}.{item}</c> so the plain <c>Fields[key]</c> binding never sees them; this folds them into the
/// one string value the API also takes, before the ticket is checked (and before a guest's draft is kept).
/// </summary>
public static class FieldForm
{
    public const string Prefix = "Parts.";

    public static void Compose(RequestType? type, IFormCollection form, Dictionary<string, string?> fields)
    {
        if (type is null) return;
        foreach (var field in type.Fields)
        {
            var prefix = $"{Prefix}{field.Key}.";
            if (field.Kind == FieldKind.DateTimeWindow)
            {
                string start = form[prefix + "start"].ToString().Trim(), end = form[prefix + "end"].ToString().Trim();
                fields[field.Key] = start.Length == 0 && end.Length == 0 ? "" : $"{start}/{end}";
            }
            else if (field.Kind == FieldKind.List)
            {
                var rows = new SortedDictionary<int, JsonObject>();
                foreach (var name in form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    var rest = name[prefix.Length..].Split('.', 2);
                    if (rest.Length != 2 || !int.TryParse(rest[0], out var row) || row is < 0 or > 1000) continue;
                    var value = form[name].ToString().Trim();
                    if (value.Length == 0) continue;
                    if (!rows.TryGetValue(row, out var obj)) rows[row] = obj = new JsonObject();
                    obj[rest[1]] = value;
                }
                // Blank rows are dropped here, so the row numbers of error messages match the rows shown again.
                fields[field.Key] = rows.Count == 0 ? "" : new JsonArray([.. rows.Values]).ToJsonString();
            }
        }
    }
}
