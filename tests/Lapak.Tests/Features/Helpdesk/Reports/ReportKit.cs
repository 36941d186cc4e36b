using Lapak.Web.Features.Helpdesk.Reports;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Helpdesk.Reports;

/// <summary>
/// A small helpdesk with known figures, in March 2025 (WIB, UTC+7), for a team of its own with its own office-hours
/// calendar (Mon–Fri 08:00–17:00), so the shared test database's other tickets never enter its reports.
/// The hand-computed figures are in <see cref="ReportFiguresTests"/>.
/// </summary>
public sealed record ReportWorld(Guid TeamId, Guid TypeId, TestUser AgentA, TestUser AgentB, TestUser Customer, string[] Codes)
{
    public const string From = "2025-03-01", To = "2025-03-31";
    public string Query => $"from={From}&to={To}&teamId={TeamId}";
}

public static class ReportKit
{
    /// <summary>A WIB wall-clock time in March 2025 as UTC.</summary>
    public static DateTime Wib(int day, int hour, int minute = 0) => new DateTime(2025, 3, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    public static async Task<ReportWorld> BuildAsync(LapakApp app)
    {
        var (teamName, typeId) = await WorkspaceKit.OtherTeamAsync(app);
        var teamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == teamName).Select(t => t.Id).SingleAsync());
        var a = await app.CreateUserAsync(Roles.Agent);
        var b = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync();
        var codes = new string[6];
        for (var i = 0; i < codes.Length; i++) codes[i] = TicketCode.New();

        await app.WithDbAsync(async d =>
        {
            d.Add(new TeamMember { TeamId = teamId, UserId = a.Id });
            d.Add(new TeamMember { TeamId = teamId, UserId = b.Id });
            d.Add(new BusinessCalendar
            {
                Name = "Kalender laporan " + Guid.NewGuid().ToString("N")[..8], TeamId = teamId, Week = BusinessCalendar.OfficeWeek(),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            Ticket T(int n, DateTime created, TestUser? assignee)
            {
                var t = new Ticket
                {
                    Code = codes[n], RequestTypeId = typeId, TeamId = teamId, CustomerId = customer.Id, CreatedById = customer.Id, AssigneeId = assignee?.Id,
                    Subject = $"Laporan uji {n + 1}", Description = "Tiket untuk laporan.", CreatedAt = created, UpdatedAt = created,
                };
                d.Add(t);
                return t;
            }
            var sys = Actor.System;
            // T1: Mon 3 Mar 09:00, answered 09:30, resolved 11:00. Rated 5.
            var t1 = T(0, Wib(3, 9), a);
            t1.MoveTo(TicketStatus.Open, sys, Wib(3, 9, 30));
            t1.FirstResponseAt = Wib(3, 9, 30);
            t1.MoveTo(TicketStatus.Resolved, sys, Wib(3, 11));
            t1.FirstResponseDueAt = Wib(3, 10);
            t1.ResolutionDueAt = Wib(3, 17);
            // T2: Mon 16:00, answered 16:45 (due 16:30, missed), resolved Tue 10:00 (due 09:00, missed). Rated 4.
            var t2 = T(1, Wib(3, 16), a);
            t2.MoveTo(TicketStatus.Open, sys, Wib(3, 16, 45));
            t2.FirstResponseAt = Wib(3, 16, 45);
            t2.MoveTo(TicketStatus.Resolved, sys, Wib(4, 10));
            t2.FirstResponseDueAt = Wib(3, 16, 30);
            t2.ResolutionDueAt = Wib(4, 9);
            // T3: Fri 7 Mar 15:00, answered Mon 10 Mar 09:00 (due Fri 16:00, missed), resolved Mon 12:00 (due Mon 17:00, met). Rated 2.
            var t3 = T(2, Wib(7, 15), b);
            t3.MoveTo(TicketStatus.Open, sys, Wib(10, 9));
            t3.FirstResponseAt = Wib(10, 9);
            t3.MoveTo(TicketStatus.Resolved, sys, Wib(10, 12));
            t3.FirstResponseDueAt = Wib(7, 16);
            t3.ResolutionDueAt = Wib(10, 17);
            // T4: Tue 11 Mar 10:00, answered 10:10, waiting on the customer 11:00 → Wed 10:00, resolved Wed 11:00 (due 12:00, met).
            var t4 = T(3, Wib(11, 10), b);
            t4.MoveTo(TicketStatus.Open, sys, Wib(11, 10, 10));
            t4.FirstResponseAt = Wib(11, 10, 10);
            t4.MoveTo(TicketStatus.PendingCustomer, sys, Wib(11, 11));
            t4.MoveTo(TicketStatus.Open, sys, Wib(12, 10));
            t4.MoveTo(TicketStatus.Resolved, sys, Wib(12, 11));
            t4.FirstResponseDueAt = Wib(11, 10, 30);
            t4.ResolutionDueAt = Wib(12, 12);
            // T5: Wed 12 Mar 09:00, answered 09:20 (due 09:30, met), still open (resolution due 14 Mar: missed).
            var t5 = T(4, Wib(12, 9), a);
            t5.MoveTo(TicketStatus.Open, sys, Wib(12, 9, 20));
            t5.FirstResponseAt = Wib(12, 9, 20);
            t5.FirstResponseDueAt = Wib(12, 9, 30);
            t5.ResolutionDueAt = Wib(14, 9);
            // T6: Thu 13 Mar 09:00, new, never answered (due 10:00: missed), nobody assigned.
            var t6 = T(5, Wib(13, 9), null);
            t6.FirstResponseDueAt = Wib(13, 10);

            // Changed now, as the facts updater's watermark expects of a fresh write.
            foreach (var t in new[] { t1, t2, t3, t4, t5, t6 }) t.UpdatedAt = DateTime.UtcNow;
            d.Add(new TicketRating { TicketId = t1.Id, CustomerId = customer.Id, ResolvedAt = t1.ResolvedAt!.Value, Score = 5, Comment = "Cepat sekali, terima kasih", CreatedAt = Wib(3, 12), AgentId = a.Id });
            d.Add(new TicketRating { TicketId = t2.Id, CustomerId = customer.Id, ResolvedAt = t2.ResolvedAt!.Value, Score = 4, CreatedAt = Wib(4, 12), AgentId = a.Id });
            d.Add(new TicketRating { TicketId = t3.Id, CustomerId = customer.Id, ResolvedAt = t3.ResolvedAt!.Value, Score = 2, Comment = "Lama sekali", CreatedAt = Wib(10, 13), AgentId = b.Id });
            return await d.SaveChangesAsync();
        });
        await CatchUpAsync(app);
        return new ReportWorld(teamId, typeId, a, b, customer, codes);
    }

    /// <summary>Runs the facts updater now instead of waiting for its next round.</summary>
    public static Task CatchUpAsync(LapakApp app) =>
        app.WithScopeAsync(async sp => await sp.GetRequiredService<ReportFactsUpdater>().CatchUpAsync(CancellationToken.None));

    /// <summary>A supervisor who belongs to the team (and so sees its reports).</summary>
    public static async Task<TestUser> SupervisorOfAsync(LapakApp app, Guid teamId)
    {
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        await app.WithDbAsync(d =>
        {
            d.Add(new TeamMember { TeamId = teamId, UserId = supervisor.Id, IsSupervisor = true });
            return d.SaveChangesAsync();
        });
        return supervisor;
    }
}
