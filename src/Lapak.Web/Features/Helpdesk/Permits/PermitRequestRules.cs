using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// What a work-permit request (a "needs approval" type with the <see cref="PermitRequestFields"/>) must satisfy before
/// the ticket exists: the visit lies ahead, inside one working day's open hours of the branch (not a holiday), and every
/// visitor has an ID number (a 16-digit NIK or a passport number). Applied by <c>OpenTicket</c> to the already checked
/// field values, so pages and the API answer alike, with each problem on its field.
/// </summary>
public sealed partial class PermitRequestRules(LapakDbContext db, LapakText text, TimeProvider clock)
{
    public static bool Applies(RequestType type) =>
        type.NeedsApproval
        && type.Fields.Any(f => f.Key == PermitRequestFields.Branch && f.Kind == FieldKind.Branch)
        && type.Fields.Any(f => f.Key == PermitRequestFields.VisitWindow && f.Kind == FieldKind.DateTimeWindow);

    /// <summary>
    /// Adds the permit's problems to <paramref name="errors"/> (keys as <c>OpenTicket</c> uses them: <c>Fields[key]</c>,
    /// rows <c>Fields[visitors][i].id_number</c>) and writes the ID numbers back without spaces or dots. When the visitors
    /// list failed its own checks, the rows as <paramref name="given"/> are still checked, so every mistake shows at once.
    /// </summary>
    public async Task CheckAsync(RequestType type, Dictionary<string, string> values, IReadOnlyDictionary<string, string?> given,
        Dictionary<string, string[]> errors)
    {
        if (!Applies(type)) return;
        CheckVisitors(values, given, errors);
        if (values.GetValueOrDefault(PermitRequestFields.Branch) is not { } code
            || !FieldValues.ParseWindow(values.GetValueOrDefault(PermitRequestFields.VisitWindow), out var start, out var end)) return;
        var branch = await db.Set<Branch>().AsNoTracking().SingleOrDefaultAsync(b => b.Code == code);
        if (branch is null) return; // the Branch field already said so
        if (await WindowProblemAsync(branch, start, end) is { } problem)
            errors[$"Fields[{PermitRequestFields.VisitWindow}]"] = [problem];
    }

    /// <summary>Why a visit from <paramref name="start"/> to <paramref name="end"/> (the branch's local time) cannot be, or null.</summary>
    public async Task<string?> WindowProblemAsync(Branch branch, DateTime start, DateTime end)
    {
        var startUtc = PermitTimes.ToUtc(start, branch.TimeZone);
        var endUtc = PermitTimes.ToUtc(end, branch.TimeZone);
        if (startUtc <= clock.GetUtcNow().UtcDateTime) return text.Get("The visit window has already begun. Choose a time that is still ahead.");

        // The same calendar the branch's SLA due times come from (the branch's own, else the default), read fresh:
        // a visit is checked against today's hours, and permit requests are few.
        var calendar = (await Sla.SlaSettingsCache.LoadAsync(db)).CalendarFor(null, branch.Id)
            ?? new BusinessCalendar { TimeZone = branch.TimeZone, Week = BusinessCalendar.OfficeWeek() };
        if (!calendar.Week.Any(d => d.IsOpen)) return text.Get("This branch has no working hours, so no visit can be planned.");

        var localStart = PermitTimes.ToLocal(startUtc, calendar.TimeZone);
        var day = DateOnly.FromDateTime(localStart);
        if (calendar.Holidays.FirstOrDefault(h => h.StartDate <= day && day <= h.EndDate) is { } holiday)
            return string.Format(text.Get("{0} is a holiday at this branch ({1}). Choose another day."),
                localStart.ToString("d MMM yyyy", PermitTimes.Culture(LapakCultures.Current)), holiday.Name);
        // The whole window is working time exactly when the working time inside it is as long as the window itself:
        // a window over a closing time, a night or a closed day loses some.
        if (calendar.Hours().Between(startUtc, endUtc) != endUtc - startUtc)
            return string.Format(text.Get("The visit must fall within the branch's working hours: {0}."), Describe(calendar));
        return null;
    }

    private void CheckVisitors(Dictionary<string, string> values, IReadOnlyDictionary<string, string?> given, Dictionary<string, string[]> errors)
    {
        var clean = values.ContainsKey(PermitRequestFields.Visitors);
        if ((clean ? values[PermitRequestFields.Visitors] : given.GetValueOrDefault(PermitRequestFields.Visitors)) is not { } raw) return;
        JsonArray? rows;
        try { rows = JsonNode.Parse(raw) as JsonArray; }
        catch (System.Text.Json.JsonException) { return; }
        if (rows is null) return;
        // Row numbers as the list's own check counts them: blank rows left out.
        if (!clean) rows = new JsonArray([.. rows.OfType<JsonObject>()
            .Where(r => r.Any(p => p.Value is JsonValue v && (!v.TryGetValue<string>(out var s) || s.Trim().Length > 0)))
            .Select(r => r.DeepClone())]);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row) continue;
            var key = $"Fields[{PermitRequestFields.Visitors}][{i}].{PermitRequestFields.VisitorIdNumber}";
            if (errors.ContainsKey(key)) continue;
            var id = NormalizeIdNumber(row[PermitRequestFields.VisitorIdNumber] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
            if (id.Length == 0) errors[key] = [text.Get("Enter the visitor's ID number.")];
            else if (!IsIdNumber(id)) errors[key] = [text.Get("Enter a 16-digit NIK or a passport number (letters and digits, 6 to 9 characters).")];
            else row[PermitRequestFields.VisitorIdNumber] = id;
        }
        if (clean) values[PermitRequestFields.Visitors] = rows.ToJsonString();
    }

    /// <summary>The number without the spaces, dots and dashes people type into it, in capitals.</summary>
    public static string NormalizeIdNumber(string? raw) =>
        new string((raw ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch is not '.' and not '-').ToArray()).ToUpperInvariant();

    /// <summary>A NIK (exactly 16 digits) or a passport number (a letter, then 5 to 8 letters or digits, at least one digit).</summary>
    public static bool IsIdNumber(string normalized) => Nik().IsMatch(normalized) || Passport().IsMatch(normalized);

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex Nik();

    [GeneratedRegex("^(?=.*[0-9])[A-Z][A-Z0-9]{5,8}$")]
    private static partial Regex Passport();

    /// <summary>"Sen–Jum 08:00–17:00 WIB": the open days grouped by equal hours, in the reader's language.</summary>
    private static string Describe(BusinessCalendar calendar)
    {
        var culture = PermitTimes.Culture(LapakCultures.Current);
        var order = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var week = calendar.Week.Where(d => d.IsOpen).ToDictionary(d => d.Day);
        var parts = new List<string>();
        for (var i = 0; i < order.Length;)
        {
            if (!week.TryGetValue(order[i], out var first)) { i++; continue; }
            var j = i;
            while (j + 1 < order.Length && week.TryGetValue(order[j + 1], out var next) && next.Open == first.Open && next.Close == first.Close) j++;
            var days = culture.DateTimeFormat.GetAbbreviatedDayName(order[i]) + (j > i ? "–" + culture.DateTimeFormat.GetAbbreviatedDayName(order[j]) : "");
            parts.Add($"{days} {first.Open!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}–{first.Close!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}");
            i = j + 1;
        }
        return string.Join(", ", parts) + " " + PermitTimes.Abbreviation(calendar.TimeZone);
    }
}
