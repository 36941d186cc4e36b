using System.Net;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Admin;

/// <summary>/helpdesk/admin: seed 001's totals of agents, request types, active and resolved tickets, for supervisors and admins.</summary>
[Collection(Apps.Name)]
public sealed class DashboardTests(Apps apps)
{
    private static int Figure(HtmlPage page, string name) =>
        int.Parse(Regex.Match(page.Html, $"data-figure=\"{name}\">(\\d+)<").Groups[1].Value);

    [Theory, ClassData(typeof(Databases))]
    public async Task The_totals_match_the_database_and_move_when_a_ticket_is_opened_and_resolved(Db db)
    {
        var app = await apps.Get(db);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var pages = await app.SignInAsync(supervisor);

        var before = await pages.GetAsync("/helpdesk/admin");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        var (agents, types, active, done) = await app.WithDbAsync(async d =>
        {
            var agentRole = await d.Roles.Where(r => r.Name == Roles.Agent).Select(r => r.Id).SingleAsync();
            var a = await (from ur in d.UserRoles join u in d.Users on ur.UserId equals u.Id where ur.RoleId == agentRole && u.IsActive select u.Id).Distinct().CountAsync();
            var t = await d.Set<RequestType>().CountAsync(x => x.IsActive);
            var open = await d.Set<Ticket>().CountAsync(x => x.Status != TicketStatus.Resolved && x.Status != TicketStatus.Closed);
            var resolved = await d.Set<Ticket>().CountAsync(x => x.Status == TicketStatus.Resolved || x.Status == TicketStatus.Closed);
            return (a, t, open, resolved);
        });
        Assert.Equal(agents, Figure(before, "agents"));
        Assert.Equal(types, Figure(before, "types"));
        Assert.Equal(active, Figure(before, "active"));
        Assert.Equal(done, Figure(before, "resolved"));

        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync(), "Dasbor " + Guid.NewGuid().ToString("N")[..6]);
        var opened = await pages.GetAsync("/helpdesk/admin");
        Assert.Equal(agents + 1, Figure(opened, "agents"));
        Assert.Equal(active + 1, Figure(opened, "active"));
        Assert.Contains($"href=\"/helpdesk/tickets/{code}\"", opened.Html); // among the newest

        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        var resolvedPage = await pages.GetAsync("/helpdesk/admin");
        Assert.Equal(active, Figure(resolvedPage, "active"));
        Assert.Equal(done + 1, Figure(resolvedPage, "resolved"));
        Assert.Contains("href=\"/helpdesk/canned\"", resolvedPage.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Agents_and_customers_are_refused_and_only_supervisors_and_admins_see_the_menu_entry(Db db)
    {
        var app = await apps.Get(db);
        foreach (var role in new[] { Roles.Agent, Roles.Customer })
        {
            var pages = await app.SignInAsync(await app.CreateUserAsync(role));
            Assert.DoesNotContain("href=\"/helpdesk/admin\"", (await pages.GetAsync("/")).Html);
            var page = await pages.GetAsync("/helpdesk/admin");
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/access-denied", new Uri(app.BaseAddress, page.Location).PathAndQuery);
        }
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        Assert.Contains("href=\"/helpdesk/admin\"", (await admin.GetAsync("/")).Html);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/helpdesk/admin")).Status);
    }
}
