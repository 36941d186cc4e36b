using Lapak.Web.Features.Accounts;
using System.Security.Claims;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>One section by name, as data (the API's JSON) and as tables (the page, CSV and PDF).</summary>
public sealed class ReportService(ReportQueries queries, ReportTables tables, LapakDbContext db, LapakText text)
{
    public async Task<object?> DataAsync(string kind, ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) => kind switch
    {
        ReportKinds.Volume => await queries.VolumeAsync(user, filter, ct),
        ReportKinds.ResponseTimes => await queries.ResponseTimesAsync(user, filter, ct),
        ReportKinds.Sla => await queries.SlaAsync(user, filter, ct),
        ReportKinds.Satisfaction => await queries.SatisfactionAsync(user, filter, ct),
        ReportKinds.Agents => await queries.AgentsAsync(user, filter, ct),
        ReportKinds.Backlog => await queries.BacklogAsync(user, filter, ct),
        _ => null,
    };

    public ReportSection Section(string kind, object data) => data switch
    {
        VolumeReport v => tables.Volume(v),
        ResponseTimesReport r => tables.ResponseTimes(r),
        SlaReport s => tables.Sla(s),
        SatisfactionReport s => tables.Satisfaction(s),
        AgentsReport a => tables.Agents(a),
        BacklogReport b => tables.Backlog(b),
        _ => throw new ArgumentException($"No tables for {kind}.", nameof(data)),
    };

    /// <summary>The period and filters as label–value lines for the PDF header.</summary>
    public async Task<IReadOnlyList<(string Label, string Value)>> FilterLinesAsync(ReportFilter filter, CancellationToken ct)
    {
        var lines = new List<(string, string)> { (text.Get("Period"), $"{filter.From:yyyy-MM-dd} – {filter.To:yyyy-MM-dd} (WIB)") };
        if (filter.TeamId is { } team)
            lines.Add((text.Get("Team"), await db.Set<Team>().Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync(ct) ?? "?"));
        if (filter.BranchId is { } branch)
            lines.Add((text.Get("Branch"), await db.Set<Branch>().Where(b => b.Id == branch).Select(b => b.Name).SingleOrDefaultAsync(ct) ?? "?"));
        if (filter.TypeId is { } type)
        {
            var t = await db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == type, ct);
            lines.Add((text.Get("Request type"), t?.Name(LapakCultures.Current) ?? "?"));
        }
        return lines;
    }

    public string Title(string kind) => tables.Title(kind);
}
