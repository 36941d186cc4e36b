using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// <c>GET /api/v1/reports/{section}</c> and <c>/api/v1/reports/tickets</c>: JSON, or a file with <c>format=csv|pdf</c> (or an
/// <c>Accept</c> of text/csv or application/pdf). Supervisors and admins only; a supervisor's figures cover their own teams and branches.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Helpdesk reports").RequireAuthorization();
        group.MapGet("/tickets", Tickets).WithName("ReportTicketList")
            .WithSummary("Tickets created in the period (from, to: yyyy-mm-dd in WIB; or preset=month|30days|year) with teamId, branchId, typeId; JSON (limit, at most 10000), format=csv (all) or pdf (the first 2000)")
            .Produces<TicketListReport>().Produces(StatusCodes.Status403Forbidden).ProducesValidationProblem();
        group.MapGet("/{section}", Section).WithName("Report")
            .WithSummary("One report section (volume, response-times, sla, satisfaction, agents, backlog) for the period and filters; JSON, format=csv or format=pdf")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound).ProducesValidationProblem();
    }

    public sealed record Query(string? From, string? To, string? Preset, Guid? TeamId, Guid? BranchId, Guid? TypeId, string? Format);

    private static IResult? Refuse(HttpContext http, LapakText text) => ReportScope.MayRead(http.User) ? null
        : TypedResults.Problem(text.Get("Only supervisors and administrators can read helpdesk reports."), statusCode: StatusCodes.Status403Forbidden);

    private static (ReportFilter? Filter, IResult? Error) Filter(Query q, TimeProvider clock, LapakText text)
    {
        var (filter, errors) = ReportFilter.Parse(q.From, q.To, q.Preset, q.TeamId, q.BranchId, q.TypeId, clock.GetUtcNow().UtcDateTime, text);
        return filter is null ? (null, TypedResults.ValidationProblem(errors)) : (filter, null);
    }

    /// <summary>csv, pdf or json, from ?format= first, else from Accept.</summary>
    public static string? Format(HttpContext http, string? format)
    {
        if (!string.IsNullOrWhiteSpace(format)) return format.ToLowerInvariant() is "csv" or "pdf" or "json" ? format.ToLowerInvariant() : null;
        var accept = http.Request.Headers.Accept.ToString();
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv"
            : accept.Contains("application/pdf", StringComparison.OrdinalIgnoreCase) ? "pdf" : "json";
    }

    private static IResult BadFormat(LapakText text) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [text.Get("Choose csv, pdf or json.")] });

    public static string FileName(string kind, ReportFilter f, string extension) => $"lapak-{kind}-{f.From:yyyyMMdd}-{f.To:yyyyMMdd}.{extension}";

    private static async Task<IResult> Section(string section, [AsParameters] Query q, HttpContext http, ReportService reports, ReportExports exports,
        TimeProvider clock, LapakText text, CancellationToken ct)
    {
        if (Refuse(http, text) is { } refused) return refused;
        if (!ReportKinds.Sections.Contains(section)) return TypedResults.NotFound();
        var (filter, error) = Filter(q, clock, text);
        if (error is not null) return error;
        var format = Format(http, q.Format);
        if (format is null) return BadFormat(text);
        var data = (await reports.DataAsync(section, http.User, filter!, ct))!;
        if (format == "json") return Results.Json(data);
        var tables = reports.Section(section, data);
        if (format == "pdf")
            return TypedResults.File(exports.Pdf(tables, await reports.FilterLinesAsync(filter!, ct)), "application/pdf", FileName(section, filter!, "pdf"));
        using var buffer = new MemoryStream();
        await exports.WriteCsvAsync(buffer, tables, filter!);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", FileName(section, filter!, "csv"));
    }

    private static async Task<IResult> Tickets([AsParameters] Query q, int? limit, HttpContext http, ReportQueries queries, ReportService reports,
        ReportExports exports, ReportTables tables, TimeProvider clock, LapakText text, CancellationToken ct)
    {
        if (Refuse(http, text) is { } refused) return refused;
        var (filter, error) = Filter(q, clock, text);
        if (error is not null) return error;
        var format = Format(http, q.Format);
        if (format is null) return BadFormat(text);
        if (limit is < 1 or > 10_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [text.Get("Ask for 1 to 10000 tickets.")] });
        switch (format)
        {
            case "json":
                return TypedResults.Ok(await queries.TicketListAsync(http.User, filter!, limit ?? 1000, ct));
            case "pdf":
                var list = await queries.TicketListAsync(http.User, filter!, ReportExports.PdfTicketLimit, ct);
                return TypedResults.File(exports.TicketsPdf(list, tables.TicketHeaders(), await reports.FilterLinesAsync(filter!, ct)), "application/pdf",
                    FileName(ReportKinds.Tickets, filter!, "pdf"));
            default:
                var user = http.User;
                var headers = tables.TicketHeaders();
                return Results.Stream(stream => exports.WriteTicketsCsvAsync(stream, headers, queries.TicketRowsAsync(user, filter!, ct), ct),
                    "text/csv; charset=utf-8", FileName(ReportKinds.Tickets, filter!, "csv"));
        }
    }
}
