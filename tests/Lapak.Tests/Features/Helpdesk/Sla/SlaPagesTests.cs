using System.Net;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>The calendar pages for admins, and the SLA badges and "closest to breach" order on the staff lists.</summary>
[Collection(Apps.Name)]
public sealed class SlaPagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_creates_a_team_calendar_on_the_page_with_the_default_holidays_and_fixes_a_backwards_day(Db db)
    {
        var app = await apps.Get(db);
        var (teamName, _) = await OtherTeamAsync(app);
        var teamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == teamName).Select(t => t.Id).SingleAsync());
        var pages = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/helpdesk/admin/calendars")).Status);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/helpdesk/admin/calendars/new")).Status);

        var name = "Jam kerja " + teamName;
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.TimeZone"] = "Asia/Jayapura", ["Input.TeamId"] = teamId.ToString() };
        var days = SaveCalendar.Days;
        for (var i = 0; i < days.Length; i++)
        {
            fields[$"Input.Week[{i}].Day"] = days[i].ToString();
            fields[$"Input.Week[{i}].Open"] = i < 5 ? "07:30" : "";
            fields[$"Input.Week[{i}].Close"] = i == 0 ? "07:00" : i < 5 ? "16:30" : "";
        }
        var refused = await pages.PostFormAsync("/helpdesk/admin/calendars/new", fields, formUrl: "/helpdesk/admin/calendars/new");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Id(app, "The closing time must come after the opening time."), refused.Text);
        Assert.False(await app.WithDbAsync(d => d.Set<BusinessCalendar>().AnyAsync(c => c.Name == name)));

        fields["Input.Week[0].Close"] = "16:30";
        var saved = await pages.PostFormAsync("/helpdesk/admin/calendars/new", fields, formUrl: "/helpdesk/admin/calendars/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var calendar = await app.WithDbAsync(d => d.Set<BusinessCalendar>().Include(c => c.Holidays).AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.Equal(teamId, calendar.TeamId);
        Assert.Equal("Asia/Jayapura", calendar.TimeZone);
        Assert.Equal(new TimeOnly(7, 30), calendar.Week.Single(d => d.Day == DayOfWeek.Monday).Open);
        Assert.False(calendar.Week.Single(d => d.Day == DayOfWeek.Saturday).IsOpen);
        Assert.Equal(IndonesianHolidays.All.Count, calendar.Holidays.Count);

        var edit = await pages.FollowAsync(saved);
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Contains("Idul Fitri 1447 H", edit.Text);

        // A second calendar for the same team is refused, naming the first.
        fields["Input.Name"] = name + " 2";
        var twice = await pages.PostFormAsync("/helpdesk/admin/calendars/new", fields, formUrl: "/helpdesk/admin/calendars/new");
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains(name, twice.Text);
        Assert.False(await app.WithDbAsync(d => d.Set<BusinessCalendar>().AnyAsync(c => c.Name == name + " 2")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_flags_breached_and_due_soon_tickets_and_orders_them_closest_to_breach_first(Db db)
    {
        var app = await apps.Get(db);
        var (teamName, type) = await OtherTeamAsync(app);
        var agent = await AgentInTeamAsync(app, teamName);
        var customer = await app.CreateUserAsync();
        var later = await OpenTicketOfTypeAsync(app, customer, type, "Nanti saja " + Guid.NewGuid().ToString("N")[..4]);
        var soon = await OpenTicketOfTypeAsync(app, customer, type, "Hampir lewat " + Guid.NewGuid().ToString("N")[..4]);
        var late = await OpenTicketOfTypeAsync(app, customer, type, "Sudah lewat " + Guid.NewGuid().ToString("N")[..4]);
        var now = DateTime.UtcNow;
        // Marked as already warned and breached, so the app's own runner (real clock, every minute) leaves them alone.
        async Task Due(string code, DateTime due, TicketPriority priority)
        {
            DateTime? warned = due < now.AddHours(1) ? now : null, breached = due < now ? now : null;
            await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == code).ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstResponseDueAt, due)
                .SetProperty(t => t.Priority, priority).SetProperty(t => t.SlaWarnedAt, warned).SetProperty(t => t.SlaBreachedAt, breached)));
        }
        await Due(later, now.AddDays(2), TicketPriority.Urgent);
        await Due(soon, now.AddMinutes(20), TicketPriority.Low);
        await Due(late, now.AddMinutes(-5), TicketPriority.Low);
        var pages = await app.SignInAsync(agent);

        var byPriority = (await pages.GetAsync("/helpdesk/team/queue")).Text;
        Assert.True(byPriority.IndexOf(TicketCode.Display(later)) < byPriority.IndexOf(TicketCode.Display(late)));

        var byBreach = await pages.GetAsync("/helpdesk/team/queue?sort=breach");
        var text = byBreach.Text;
        var (iLate, iSoon, iLater) = (text.IndexOf(TicketCode.Display(late)), text.IndexOf(TicketCode.Display(soon)), text.IndexOf(TicketCode.Display(later)));
        Assert.True(iLate >= 0 && iLate < iSoon && iSoon < iLater, text);
        Assert.Contains(Id(app, "Breached"), text[iLate..iSoon]);
        Assert.Contains(Id(app, "Due soon"), text[iSoon..iLater]);
        Assert.DoesNotContain(Id(app, "Due soon"), text[iLater..]);

        var list = (await pages.GetAsync("/helpdesk/team")).Text;
        Assert.Contains(Id(app, "Breached"), list);
    }
}
