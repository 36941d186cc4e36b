using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.RequestTypes;

/// <summary>
/// Reading, checking and showing the value of one request-type field. Every value is stored as a string on the
/// ticket: a window as <c>yyyy-MM-ddTHH:mm/yyyy-MM-ddTHH:mm</c>, a list as a JSON array of objects keyed by item key.
/// Showing never fails: a value that no longer fits its field (the type was edited) is shown as it was stored.
/// </summary>
public static class FieldValues
{
    public const int MaxRows = 20;
    public const string LocalMinute = "yyyy-MM-ddTHH:mm";

    /// <summary>The kinds a list's sub-fields may have: one line each, so a row stays a row at 375 px.</summary>
    public static readonly FieldKind[] ItemKinds = [FieldKind.Text, FieldKind.Number, FieldKind.Date, FieldKind.Choice];

    /// <summary>
    /// Checks a non-empty <paramref name="raw"/> value of <paramref name="field"/>; returns the value to store, or null
    /// after putting the problems into <paramref name="errors"/> under <paramref name="name"/> (rows: <c>name[i].item</c>).
    /// <paramref name="branchCodes"/> are the codes a <c>Branch</c> field accepts (the existing branches).
    /// </summary>
    public static string? Check(RequestField field, string raw, string name, LapakText text, Dictionary<string, string[]> errors,
        IReadOnlyCollection<string>? branchCodes = null)
    {
        if (field.Kind == FieldKind.Branch)
        {
            var code = branchCodes?.FirstOrDefault(b => string.Equals(b, raw, StringComparison.OrdinalIgnoreCase));
            if (code is not null) return code;
            errors[name] = [text.Get("Choose one of the branches.")];
            return null;
        }
        if (field.Kind == FieldKind.List) return CheckList(field, raw, name, text, errors);
        if (field.Kind == FieldKind.DateTimeWindow)
        {
            var problem = ParseWindow(raw, out var start, out var end) switch
            {
                false => text.Get("Enter a start and an end, each with a date and a time."),
                true when end <= start => text.Get("The end must be after the start."),
                _ => null,
            };
            if (problem is null) return $"{start.ToString(LocalMinute, CultureInfo.InvariantCulture)}/{end.ToString(LocalMinute, CultureInfo.InvariantCulture)}";
            errors[name] = [problem];
            return null;
        }
        var simple = CheckSimple(field, raw, text);
        if (simple is null) return raw;
        errors[name] = [simple];
        return null;
    }

    private static string? CheckSimple(RequestField field, string raw, LapakText text) => field.Kind switch
    {
        FieldKind.Number when !decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => text.Get("Enter a number."),
        FieldKind.Date when !DateOnly.TryParseExact(raw, "yyyy-MM-dd", out _) => text.Get("Enter a date."),
        FieldKind.Choice when field.Options?.Contains(raw) != true => text.Get("Choose one of the options."),
        _ when raw.Length > field.MaxLength => text.Get("This value is too long."),
        _ => null,
    };

    private static string? CheckList(RequestField field, string raw, string name, LapakText text, Dictionary<string, string[]> errors)
    {
        var items = field.Items ?? [];
        JsonArray? array;
        try { array = JsonNode.Parse(raw) as JsonArray; }
        catch (JsonException) { array = null; }
        if (array is null || array.Any(r => r is not JsonObject))
        {
            errors[name] = [text.Get("Send the rows as a list of objects.")];
            return null;
        }
        var rows = array.Cast<JsonObject>().Select(ReadRow).Where(r => r.Values.Any(v => v.Length > 0)).ToList();
        if (rows.Count == 0)
        {
            if (field.Required) errors[name] = [string.Format(text.Get("Add at least one row to {0}."), field.Label(LapakCultures.Current))];
            return field.Required ? null : "[]";
        }
        if (rows.Count > MaxRows)
        {
            errors[name] = [string.Format(text.Get("At most {0} rows."), MaxRows)];
            return null;
        }
        var ok = true;
        var clean = new JsonArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new JsonObject();
            foreach (var unknown in rows[i].Keys.Except(items.Select(x => x.Key)))
            {
                errors[$"{name}[{i}].{unknown}"] = [text.Get("This field is not recognized.")];
                ok = false;
            }
            foreach (var item in items)
            {
                var value = rows[i].GetValueOrDefault(item.Key) ?? "";
                var key = $"{name}[{i}].{item.Key}";
                if (value.Length == 0)
                {
                    if (item.Required)
                    {
                        errors[key] = [string.Format(text.Get("Fill in {0}."), item.Label(LapakCultures.Current))];
                        ok = false;
                    }
                    continue;
                }
                if (CheckSimple(item, value, text) is { } problem)
                {
                    errors[key] = [problem];
                    ok = false;
                }
                else row[item.Key] = value;
            }
            clean.Add(row);
        }
        return ok ? clean.ToJsonString() : null;
    }

    private static Dictionary<string, string> ReadRow(JsonObject row) =>
        row.ToDictionary(p => p.Key, p => p.Value switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
            var other => other.ToJsonString(),
        });

    public static bool ParseWindow(string? raw, out DateTime start, out DateTime end)
    {
        start = end = default;
        var parts = raw?.Split('/') ?? [];
        return parts.Length == 2
               && DateTime.TryParseExact(parts[0].Trim(), LocalMinute, CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
               && DateTime.TryParseExact(parts[1].Trim(), LocalMinute, CultureInfo.InvariantCulture, DateTimeStyles.None, out end);
    }

    /// <summary>The rows of a stored (or just posted) list value; an unreadable value gives no rows.</summary>
    public static List<Dictionary<string, string>> Rows(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        try
        {
            return JsonNode.Parse(raw) is JsonArray array ? array.OfType<JsonObject>().Select(ReadRow).ToList() : [];
        }
        catch (JsonException) { return []; }
    }

    /// <summary>
    /// "24 Nov 2026 09:00 – 12:00 WIB", or both dates when the window spans days. The stored times are already local: WIB,
    /// or the <paramref name="zone"/> of the branch the request names.
    /// </summary>
    public static string Window(string raw, string zone = "WIB")
    {
        if (!ParseWindow(raw, out var start, out var end)) return raw;
        var culture = LapakCultures.Current == "en" ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("id-ID");
        var to = start.Date == end.Date ? end.ToString("HH:mm", culture) : end.ToString("d MMM yyyy HH:mm", culture);
        return $"{start.ToString("d MMM yyyy HH:mm", culture)} – {to} {zone}";
    }
}
