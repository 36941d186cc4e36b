using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Sla.SlaKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>
/// Due times set by the ticket use cases: per priority, in the team's calendar or the default "Jam kerja (WIB)", with
/// the clock paused while the ticket waits on the customer. 27 November 2026 is a Friday.
/// </summary>
[Collection(Apps.Name)]
public sealed class SlaClockTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Opening_a_ticket_sets_both_due_times_in_business_hours_of_the_default_calendar(Db db)
    {
        var app = await apps.Get(db);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());

        var opened = await TicketAsync(app, code);
        var calendar = await app.WithDbAsync(d => d.Set<BusinessCalendar>().Include(c => c.Holidays).AsNoTracking().SingleAsync(c => c.IsDefault));
        var target = await app.WithDbAsync(d => d.Set<SlaTarget>().AsNoTracking().SingleAsync(t => t.Priority == opened.Priority));
        Assert.Equal(SlaDefaults.DefaultCalendarName, calendar.Name);
        Assert.Equal(calendar.Hours().Add(opened.CreatedAt, TimeSpan.FromMinutes(target.FirstResponseMinutes)), opened.FirstResponseDueAt);
        Assert.Equal(calendar.Hours().Add(opened.CreatedAt, TimeSpan.FromMinutes(target.ResolutionMinutes)), opened.ResolutionDueAt);

        // Friday 16:00 WIB: an urgent ticket is due for its first reply at 16:30 and resolved by Monday 11:00 (1 h Friday, 3 h Monday).
        var urgent = await RecomputeAsync(app, code, Local(2026, 11, 27, 16), TicketPriority.Urgent);
        Assert.Equal(Local(2026, 11, 27, 16, 30), urgent.FirstResponseDueAt);
        Assert.Equal(Local(2026, 11, 30, 11), urgent.ResolutionDueAt);

        // Low: 8 h to the first reply (Monday 15:00), 40 h to the resolution (Friday 4 December 11:00).
        var low = await RecomputeAsync(app, code, Local(2026, 11, 27, 16), TicketPriority.Low);
        Assert.Equal(Local(2026, 11, 30, 15), low.FirstResponseDueAt);
        Assert.Equal(Local(2026, 12, 4, 11), low.ResolutionDueAt);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_team_calendar_in_WITA_with_Saturday_hours_gives_the_team_its_own_due_times(Db db)
    {
        var app = await apps.Get(db);
        var (teamName, type) = await OtherTeamAsync(app);
        var teamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == teamName).Select(t => t.Id).SingleAsync());
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var week = SaveCalendar.Days.Select(d => new { day = d.ToString(), open = d == DayOfWeek.Sunday ? null : "09:00", close = d == DayOfWeek.Sunday ? null : "15:00" });
        var created = await api.PostAsJsonAsync("/api/v1/helpdesk/calendars",
            new { name = "Makassar " + teamName, timeZone = "Asia/Makassar", teamId, week, holidays = Array.Empty<object>() });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var code = await OpenTicketOfTypeAsync(app, await app.CreateUserAsync(), type);
        // Saturday 14:00 WITA, high priority (1 h / 8 h): first reply at 15:00 that Saturday; resolution 1 h Saturday,
        // 6 h Monday, 1 h Tuesday: Tuesday 1 December 10:00 WITA.
        var high = await RecomputeAsync(app, code, Local(2026, 11, 28, 14, utcOffset: 8), TicketPriority.High);
        Assert.Equal(Local(2026, 11, 28, 15, utcOffset: 8), high.FirstResponseDueAt);
        Assert.Equal(Local(2026, 12, 1, 10, utcOffset: 8), high.ResolutionDueAt);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Waiting_on_the_customer_pauses_the_clock_and_moves_the_resolution_by_the_paused_business_time(Db db)
    {
        var app = await apps.Get(db);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        var monday9 = Local(2026, 11, 30, 9);
        var actor = new Actor(null, "Agen");

        // Normal (16 h): opened Monday 09:00 WIB, due Tuesday 16:00 without a pause.
        var plain = await RecomputeAsync(app, code, monday9, TicketPriority.Normal, t => t.FirstResponseAt = monday9.AddMinutes(5));
        Assert.Equal(Local(2026, 12, 1, 16), plain.ResolutionDueAt);
        Assert.Null(plain.FirstResponseDueAt);

        // Pending on the customer from Monday 10:00: no resolution due time while it lasts.
        var paused = await RecomputeAsync(app, code, monday9, TicketPriority.Normal,
            t => t.Record(TicketEventKind.StatusChanged, actor, Local(2026, 11, 30, 10), nameof(TicketStatus.Open), nameof(TicketStatus.PendingCustomer)));
        Assert.Null(paused.ResolutionDueAt);

        // Back on Tuesday 10:00: 9 business hours passed in between (7 on Monday, 2 on Tuesday), so the due time moves
        // from Tuesday 16:00 to Wednesday 16:00.
        var resumed = await RecomputeAsync(app, code, monday9, TicketPriority.Normal,
            t => t.Record(TicketEventKind.StatusChanged, actor, Local(2026, 12, 1, 10), nameof(TicketStatus.PendingCustomer), nameof(TicketStatus.Open)));
        Assert.Equal(Local(2026, 12, 2, 16), resumed.ResolutionDueAt);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Status_changes_and_the_first_staff_reply_keep_the_due_times_through_the_real_use_cases(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);
        var opened = await TicketAsync(app, code);
        Assert.NotNull(opened.FirstResponseDueAt);

        await SetStatusAsync(app, agent, code, TicketStatus.PendingCustomer);
        var pending = await TicketAsync(app, code);
        Assert.Null(pending.ResolutionDueAt);
        Assert.Null(pending.FirstResponseDueAt);

        await SetStatusAsync(app, agent, code, TicketStatus.Open);
        var open = await TicketAsync(app, code);
        Assert.NotNull(open.ResolutionDueAt);
        Assert.True(open.ResolutionDueAt >= opened.ResolutionDueAt);

        using var api = await app.ApiAsync(agent);
        var reply = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Kami cek dulu, ya." });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        var answered = await TicketAsync(app, code);
        Assert.NotNull(answered.FirstResponseAt);
        Assert.Null(answered.FirstResponseDueAt);
        Assert.NotNull(answered.ResolutionDueAt);

        var priority = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { priority = "Urgent" });
        Assert.True(priority.IsSuccessStatusCode, await priority.Content.ReadAsStringAsync());
        Assert.True((await TicketAsync(app, code)).ResolutionDueAt < answered.ResolutionDueAt);

        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        Assert.Null((await TicketAsync(app, code)).ResolutionDueAt);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_the_SLA_card_and_the_customer_sees_nothing_of_it(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);

        var staffPage = await (await app.SignInAsync(agent)).GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        Assert.Contains("id=\"sla-heading\"", staffPage.Html);
        Assert.Contains("data-sla-countdown", staffPage.Html);
        Assert.Contains(SlaDefaults.DefaultCalendarName, staffPage.Text);

        var customerPage = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.OK, customerPage.Status);
        Assert.DoesNotContain("sla-heading", customerPage.Html);
        Assert.DoesNotContain("data-sla-countdown", customerPage.Html);
        Assert.DoesNotContain("sla-countdown.js", customerPage.Html);
        Assert.DoesNotContain(SlaDefaults.DefaultCalendarName, customerPage.Text);
    }
}
