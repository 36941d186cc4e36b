using Lapak.Web.Features.Helpdesk.Reports;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Reports;

/// <summary>The reports measure business time with the SLA clock's pauses: a ticket sitting resolved until reopened is not on us.</summary>
[Collection(Apps.Name)]
public sealed class ReportPausesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_reopened_tickets_business_resolution_time_leaves_out_the_time_it_sat_resolved(Db db)
    {
        var app = await apps.Get(db);
        var w = await ReportKit.BuildAsync(app);
        var code = TicketCode.New();
        await app.WithDbAsync(d =>
        {
            // Mon 17 Mar 09:00, resolved 10:00, reopened Tue 18 Mar 10:00, resolved again 11:00: 60 + 60 business minutes
            // (the team's office hours), where counting the resolved night would give 60 + 420 + 120 + 60.
            var t = new Ticket
            {
                Code = code, RequestTypeId = w.TypeId, TeamId = w.TeamId, CustomerId = w.Customer.Id, CreatedById = w.Customer.Id,
                AssigneeId = w.AgentA.Id, Subject = "Laporan uji dibuka lagi", Description = "Tiket untuk laporan.",
                CreatedAt = ReportKit.Wib(17, 9), UpdatedAt = ReportKit.Wib(17, 9),
            };
            d.Add(t);
            t.MoveTo(TicketStatus.Open, Actor.System, ReportKit.Wib(17, 9, 10));
            t.FirstResponseAt = ReportKit.Wib(17, 9, 10);
            t.MoveTo(TicketStatus.Resolved, Actor.System, ReportKit.Wib(17, 10));
            t.MoveTo(TicketStatus.Open, Actor.System, ReportKit.Wib(18, 10));
            t.MoveTo(TicketStatus.Resolved, Actor.System, ReportKit.Wib(18, 11));
            t.UpdatedAt = DateTime.UtcNow;
            return d.SaveChangesAsync();
        });
        await ReportKit.CatchUpAsync(app);

        var fact = await app.WithDbAsync(d => (from f in d.Set<TicketReportFact>() join t in d.Set<Ticket>() on f.TicketId equals t.Id
                                               where t.Code == code select f).AsNoTracking().SingleAsync());
        Assert.Equal(120 * 60, fact.ResolutionBusinessSeconds);
        Assert.Equal(10 * 60, fact.FirstResponseBusinessSeconds);
    }
}
