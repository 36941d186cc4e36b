using System.Globalization;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Reports;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>
/// <c>GET /api/v1/conversations/{id}/analytics</c> (members only) and <c>GET /api/v1/admin/chat/analytics</c> (admins;
/// supervisors get the support-agent table only), JSON or <c>format=csv</c>.
/// </summary>
public static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations/{id:guid}/analytics", Conversation).WithTags("Chat").RequireAuthorization()
            .WithName("ConversationAnalytics")
            .WithSummary("Response figures of a conversation I am a member of: first response, time between messages, messages and replies per member");
        app.MapGet("/api/v1/admin/chat/analytics", Report).WithTags("Chat").RequireAuthorization()
            .WithName("ChatAnalytics")
            .WithSummary("Chat response analytics for a period (from, to: yyyy-mm-dd in WIB, both included; default the last 30 days): " +
                         "headline numbers, histograms, support agents; format=csv for the tables. Admins; supervisors get the agents only")
            .Produces<ChatAnalyticsReport>().Produces(StatusCodes.Status403Forbidden).ProducesValidationProblem();
    }

    public static async Task<Results<Ok<ConversationFigures>, NotFound>> Conversation(Guid id, HttpContext http, ChatAccess access,
        ChatAnalytics analytics, CancellationToken ct)
    {
        var facts = await access.FactsAsync(id);
        if (facts is null || http.User.UserId() is not { } me || !facts.IsMember(me)) return TypedResults.NotFound();
        return await analytics.ConversationAsync(id, ct) is { } figures ? TypedResults.Ok(figures) : TypedResults.NotFound();
    }

    public static bool MayRead(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    /// <summary>The report for a parsed period, with the overview only for admins.</summary>
    public static async Task<ChatAnalyticsReport> BuildAsync(ClaimsPrincipal user, ReportFilter period, ChatAnalytics analytics, CancellationToken ct)
    {
        var overview = user.IsInRole(Roles.Admin) ? await analytics.FiguresAsync(ChatScope.All, period.FromUtc, period.ToUtc, ct) : null;
        var agents = await analytics.AgentsAsync(period.FromUtc, period.ToUtc, ct: ct);
        return new ChatAnalyticsReport(period.From, period.To, overview, agents);
    }

    public static async Task<IResult> Report(HttpContext http, ChatAnalytics analytics, LapakText text, TimeProvider clock, ReportExports exports,
        string? from = null, string? to = null, string? format = null, CancellationToken ct = default)
    {
        if (!MayRead(http.User))
            return TypedResults.Problem(text.Get("Only administrators and supervisors can read chat analytics."), statusCode: StatusCodes.Status403Forbidden);
        var (period, errors) = ReportFilter.Parse(from, to, null, null, null, null, clock.GetUtcNow().UtcDateTime, text);
        if (period is null) return TypedResults.ValidationProblem(errors);
        var report = await BuildAsync(http.User, period, analytics, ct);
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok(report);

        var output = new MemoryStream();
        await WriteCsvAsync(output, report, text, exports);
        output.Position = 0;
        return TypedResults.File(output, "text/csv; charset=utf-8", $"chat-analytics-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The helpdesk reports' CSV (<see cref="ReportExports"/>): UTF-8 with BOM, invariant numbers, each table a block under its title.</summary>
    public static Task WriteCsvAsync(Stream output, ChatAnalyticsReport report, LapakText text, ReportExports exports)
    {
        var tables = AnalyticsTables.Build(report, text, csv: true)
            .Select(t => new ReportTable(t.Key, t.Title, t.Headers, t.Rows.Select(r => (IReadOnlyList<string?>)r.ToList<string?>()).ToList()))
            .ToList();
        return exports.WriteCsvAsync(output, new ReportSection("chat-analytics", text.Get("Chat analytics"), tables),
            new ReportFilter(report.From, report.To, null, null, null));
    }
}
