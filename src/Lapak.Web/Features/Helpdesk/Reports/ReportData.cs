namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>The report sections, as the API names them.</summary>
public static class ReportKinds
{
    public const string Volume = "volume", ResponseTimes = "response-times", Sla = "sla", Satisfaction = "satisfaction", Agents = "agents",
        Backlog = "backlog", Tickets = "tickets";

    public static readonly string[] Sections = [Volume, ResponseTimes, Sla, Satisfaction, Agents, Backlog];
}

public sealed record NamedCount(string Key, string Name, int Count);

/// <summary>Tickets created in the period, per day/week/month (WIB) and per dimension.</summary>
public sealed record VolumeReport(int Total, string Interval, IReadOnlyList<NamedCount> PerInterval, IReadOnlyList<NamedCount> ByType,
    IReadOnlyList<NamedCount> ByStatus, IReadOnlyList<NamedCount> ByPriority, IReadOnlyList<NamedCount> ByTeam, IReadOnlyList<NamedCount> ByBranch);

/// <summary>Durations in minutes (one decimal): mean, median and p90 (linear interpolation, like percentile_cont), clock and business.</summary>
public sealed record DurationStats(int Count, double? MeanClock, double? MedianClock, double? P90Clock,
    double? MeanBusiness, double? MedianBusiness, double? P90Business);

/// <summary>First response over tickets created in the period; resolution over tickets resolved in the period.</summary>
public sealed record ResponseTimesReport(DurationStats FirstResponse, DurationStats Resolution,
    IReadOnlyList<NamedCount> FirstResponseDistribution, IReadOnlyList<NamedCount> ResolutionDistribution);

/// <summary>Among due times in the period: met, missed (late, or still unanswered after the due time) and still running.</summary>
public sealed record SlaFigure(int Met, int Missed, int Running, double? CompliancePercent);

public sealed record SlaReport(SlaFigure FirstResponse, SlaFigure Resolution);

public sealed record RatingComment(string Code, int Score, string Comment, DateTime At);

/// <summary>Latest ratings given in the period: average (seed 000's "4.8/5"), share of 4 and 5 (CSAT), 1–5 distribution.</summary>
public sealed record SatisfactionReport(int Ratings, double? Average, double? CsatPercent, IReadOnlyList<NamedCount> Distribution,
    IReadOnlyList<RatingComment> Comments);

public sealed record AgentRow(Guid AgentId, string Name, int Assigned, int Resolved, int OpenNow, double? MeanFirstResponseBusinessMinutes,
    double? MeanResolutionBusinessMinutes, double? AverageRating, int Ratings);

public sealed record AgentsReport(IReadOnlyList<AgentRow> Agents);

/// <summary>Unresolved tickets now, by age since creation (the period does not apply; the filters do).</summary>
public sealed record BacklogReport(int Total, IReadOnlyList<NamedCount> Ages);

public sealed record TicketListRow(string Code, DateTime CreatedAt, string Type, string? Team, string? Branch, string Status, string Priority,
    string? Assignee, DateTime? FirstResponseAt, DateTime? ResolvedAt, int? Rating);

public sealed record TicketListReport(int Total, IReadOnlyList<TicketListRow> Tickets);
