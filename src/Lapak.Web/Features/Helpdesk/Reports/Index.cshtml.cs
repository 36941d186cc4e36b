using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>/helpdesk/reports: every report section for a period and filters, with charts, tables and CSV/PDF downloads.</summary>
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Admin}")]
public sealed class ReportsModel(IServiceScopeFactory scopes, ReportScope scope, LapakDbContext db, LapakText text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Preset { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? BranchId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TypeId { get; set; }

    public ReportFilter Filter { get; private set; } = null!;
    public IReadOnlyList<ReportSection> Sections { get; private set; } = [];
    public List<(Guid Id, string Name)> Teams { get; private set; } = [];
    public List<(Guid Id, string Name)> Branches { get; private set; } = [];
    public List<(Guid Id, string Name)> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (filter, errors) = ReportFilter.Parse(From, To, Preset, TeamId, BranchId, TypeId, now, text);
        foreach (var (field, messages) in errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
        // A wrong date still shows a report: the last 30 days with the same filters, under the messages.
        Filter = filter ?? ReportFilter.Parse(null, null, null, TeamId, BranchId, TypeId, now, text).Filter!;
        From = Filter.From.ToString("yyyy-MM-dd");
        To = Filter.To.ToString("yyyy-MM-dd");

        (Teams, Branches) = await scope.ChoicesAsync(User, ct);
        var language = LapakCultures.Current;
        Types = (await db.Set<RequestType>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Id, t.NameId, t.NameEn }).ToListAsync(ct))
            .Select(t => (t.Id, language == "en" ? t.NameEn : t.NameId)).ToList();

        // The sections are independent reads: each in a scope (and database connection) of its own, side by side, so a
        // report that is not cached yet takes as long as its slowest section rather than all of them in turn.
        var user = User;
        var chosen = Filter;
        var results = await Task.WhenAll(ReportKinds.Sections.Select(kind => Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await using var section = scopes.CreateAsyncScope();
            var service = section.ServiceProvider.GetRequiredService<ReportService>();
            var data = await service.DataAsync(kind, user, chosen, ct);
            return (Section: service.Section(kind, data!), Timing: $"{kind};dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}");
        }, ct)));
        Sections = [.. results.Select(r => r.Section)];
        var timings = results.Select(r => r.Timing);
        // Which section a slow report spent its time on, for the browser's network panel and the benchmark.
        Response.Headers.Append("Server-Timing", string.Join(", ", timings));
    }

    public string Link(string kind, string format) => $"/api/v1/reports/{kind}?{Filter.Query}&format={format}";

    public string PresetLink(string preset) => "/helpdesk/reports?" + string.Join("&", new[]
    {
        $"preset={preset}", TeamId is { } t ? $"teamId={t}" : null, BranchId is { } b ? $"branchId={b}" : null, TypeId is { } ty ? $"typeId={ty}" : null,
    }.Where(p => p is not null));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The chart of a table as JSON for reports.js: labels from the first column, a series per charted column.</summary>
    public static string? ChartJson(ReportTable table)
    {
        if (table.Chart is not { } chart || table.Rows.Count == 0) return null;
        var labels = table.Rows.Select(r => r[0] ?? "").ToList();
        var series = chart.Columns.Select(c => new
        {
            label = table.Headers[c],
            data = table.Rows.Select(r => double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToList(),
        }).ToList();
        if (series.All(s => s.data.All(v => v is null or 0))) return null;
        return JsonSerializer.Serialize(new { type = chart.Type, labels, datasets = series }, Json);
    }
}
