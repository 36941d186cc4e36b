using System.Globalization;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Reports;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>/admin/chat/analytics: headline numbers, histograms and the support-agent table of a period; supervisors see the agents only.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Supervisor}")]
public sealed class ChatAnalyticsModel(ChatAnalytics analytics, LapakText text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ChatAnalyticsReport Report { get; private set; } = null!;
    public IReadOnlyList<AnalyticsTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (period, errors) = ReportFilter.Parse(From, To, null, null, null, null, now, text);
        foreach (var (field, messages) in errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
        // A wrong date still shows figures: the last 30 days, under the messages.
        period ??= ReportFilter.Parse(null, null, null, null, null, null, now, text).Filter!;
        From = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Report = await AnalyticsEndpoints.BuildAsync(User, period, analytics, ct);
        Tables = AnalyticsTables.Build(Report, text, csv: false);
    }

    public string CsvLink => $"/api/v1/admin/chat/analytics?from={From}&to={To}&format=csv";

    public string Duration(double? seconds) => AnalyticsTables.Duration(seconds, text);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A histogram for chat-analytics.js: the translated bucket labels and their counts.</summary>
    public static string ChartJson(AnalyticsTable table) => JsonSerializer.Serialize(new
    {
        labels = table.Rows.Select(r => r[0]),
        datasets = new[] { new { label = table.Headers[1], data = table.Rows.Select(r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.CurrentCulture)) } },
    }, Json);
}
