using System.Globalization;
using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>A chart of one table: labels from its first column, one series per numeric column named in <see cref="Columns"/>.</summary>
public sealed record ReportChart(string Type, IReadOnlyList<int> Columns);

/// <summary>
/// One table of a report as the page, the CSV and the PDF show it: translated headers and cells already formatted
/// (numbers invariant: 12.5, no thousands separator; a missing value is null).
/// </summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows,
    ReportChart? Chart = null);

public sealed record ReportSection(string Kind, string Title, IReadOnlyList<ReportTable> Tables);

/// <summary>Turns the report data into tables, in the reader's language.</summary>
public sealed class ReportTables(LapakText text)
{
    public static string Number(double? value, string format = "0.0") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public string Title(string kind) => text.Get(kind switch
    {
        ReportKinds.Volume => "Ticket volume",
        ReportKinds.ResponseTimes => "Response and resolution times",
        ReportKinds.Sla => "SLA compliance",
        ReportKinds.Satisfaction => "Customer satisfaction",
        ReportKinds.Agents => "Agent workload and performance",
        ReportKinds.Backlog => "Backlog age",
        _ => "Ticket list",
    });

    private ReportTable Counts(string key, string title, string first, IEnumerable<NamedCount> rows, string chart = "bar") =>
        new(key, text.Get(title), [text.Get(first), text.Get("Tickets")], [.. rows.Select(r => (IReadOnlyList<string?>)[r.Name, Number(r.Count)])],
            new ReportChart(chart, [1]));

    public ReportSection Volume(VolumeReport v)
    {
        var period = v.Interval switch { "day" => "Day", "week" => "Week of", _ => "Month" };
        return new(ReportKinds.Volume, Title(ReportKinds.Volume),
        [
            new("total", text.Get("Total"), [text.Get("Measure"), text.Get("Tickets")], [[text.Get("Tickets created"), Number(v.Total)]]),
            Counts("per-period", v.Interval switch { "day" => "Tickets per day", "week" => "Tickets per week", _ => "Tickets per month" }, period, v.PerInterval, "line"),
            Counts("by-type", "By request type", "Request type", v.ByType),
            Counts("by-status", "By status", "Status", v.ByStatus),
            Counts("by-priority", "By priority", "Priority", v.ByPriority),
            Counts("by-team", "By team", "Team", v.ByTeam),
            Counts("by-branch", "By branch", "Branch", v.ByBranch),
        ]);
    }

    public ReportSection ResponseTimes(ResponseTimesReport r)
    {
        IReadOnlyList<string?> Row(string name, DurationStats s) =>
            [text.Get(name), Number(s.Count), Number(s.MeanClock), Number(s.MedianClock), Number(s.P90Clock), Number(s.MeanBusiness), Number(s.MedianBusiness), Number(s.P90Business)];
        var buckets = r.FirstResponseDistribution.Zip(r.ResolutionDistribution,
            (a, b) => (IReadOnlyList<string?>)[a.Name, Number(a.Count), Number(b.Count)]).ToList();
        return new(ReportKinds.ResponseTimes, Title(ReportKinds.ResponseTimes),
        [
            new("times", text.Get("Times in minutes"),
                [text.Get("Measure"), text.Get("Tickets"), text.Get("Mean (clock)"), text.Get("Median (clock)"), text.Get("P90 (clock)"),
                    text.Get("Mean (business hours)"), text.Get("Median (business hours)"), text.Get("P90 (business hours)")],
                [Row("First response", r.FirstResponse), Row("Resolution", r.Resolution)],
                new ReportChart("bar", [2, 3, 4])),
            new("distribution", text.Get("Distribution in business hours"), [text.Get("Time"), text.Get("First response"), text.Get("Resolution")],
                buckets, new ReportChart("bar", [1, 2])),
        ]);
    }

    public ReportSection Sla(SlaReport s)
    {
        IReadOnlyList<string?> Row(string name, SlaFigure f) =>
            [text.Get(name), Number(f.Met), Number(f.Missed), Number(f.Running), Number(f.CompliancePercent)];
        return new(ReportKinds.Sla, Title(ReportKinds.Sla),
        [
            new("compliance", text.Get("Due times in the period"),
                [text.Get("Measure"), text.Get("Met"), text.Get("Missed"), text.Get("Still running"), text.Get("Compliance %")],
                [Row("First response", s.FirstResponse), Row("Resolution", s.Resolution)], new ReportChart("bar", [1, 2])),
        ]);
    }

    public ReportSection Satisfaction(SatisfactionReport s) => new(ReportKinds.Satisfaction, Title(ReportKinds.Satisfaction),
    [
        new("summary", text.Get("Summary"), [text.Get("Measure"), text.Get("Value")],
        [
            [text.Get("Ratings"), Number(s.Ratings)],
            [text.Get("Average rating (1–5)"), Number(s.Average, "0.00")],
            [text.Get("CSAT (share of 4 and 5) %"), Number(s.CsatPercent)],
        ]),
        Counts("distribution", "Ratings by score", "Score", s.Distribution),
        new("comments", text.Get("Latest comments"), [text.Get("Ticket"), text.Get("Score"), text.Get("Comment"), text.Get("Rated")],
            [.. s.Comments.Select(c => (IReadOnlyList<string?>)[c.Code, Number(c.Score), c.Comment, Display.Wib(c.At)])]),
    ]);

    public ReportSection Agents(AgentsReport a) => new(ReportKinds.Agents, Title(ReportKinds.Agents),
    [
        new("agents", text.Get("Agents"),
            [text.Get("Agent"), text.Get("Assigned"), text.Get("Resolved"), text.Get("Open now"), text.Get("Mean first response (business minutes)"),
                text.Get("Mean resolution (business minutes)"), text.Get("Average rating"), text.Get("Ratings")],
            [.. a.Agents.Select(r => (IReadOnlyList<string?>)[r.Name, Number(r.Assigned), Number(r.Resolved), Number(r.OpenNow),
                Number(r.MeanFirstResponseBusinessMinutes), Number(r.MeanResolutionBusinessMinutes), Number(r.AverageRating, "0.00"), Number(r.Ratings)])],
            new ReportChart("bar", [1, 2, 3])),
    ]);

    public ReportSection Backlog(BacklogReport b) => new(ReportKinds.Backlog, Title(ReportKinds.Backlog),
    [
        new("total", text.Get("Total"), [text.Get("Measure"), text.Get("Tickets")], [[text.Get("Unresolved tickets"), Number(b.Total)]]),
        new("ages", text.Get("Unresolved tickets by age"), [text.Get("Age"), text.Get("Tickets")],
            [.. b.Ages.Select(x => (IReadOnlyList<string?>)[x.Name, Number(x.Count)])], new ReportChart("bar", [1])),
    ]);

    public IReadOnlyList<string> TicketHeaders() =>
    [
        text.Get("Code"), text.Get("Created"), text.Get("Request type"), text.Get("Team"), text.Get("Branch"), text.Get("Status"), text.Get("Priority"),
        text.Get("Assignee"), text.Get("First response"), text.Get("Resolved"), text.Get("Rating"),
    ];

    /// <summary>A ticket row; times in WIB as "2026-11-24 16:05", the same in both languages and sortable in a spreadsheet.</summary>
    public static IReadOnlyList<string?> TicketCells(TicketListRow t) =>
    [
        t.Code, Wib(t.CreatedAt), t.Type, t.Team, t.Branch, t.Status, t.Priority, t.Assignee,
        t.FirstResponseAt is { } fr ? Wib(fr) : null, t.ResolvedAt is { } r ? Wib(r) : null, t.Rating?.ToString(CultureInfo.InvariantCulture),
    ];

    public static string Wib(DateTime utc) => Display.ToJakarta(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
