using System.Net;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

// Not ".Team": that namespace would hide the Team entity from every helpdesk test.
namespace Lapak.Tests.Features.Helpdesk.TeamTickets;

/// <summary>/helpdesk/team: staff see their teams' tickets (supervisors and admins all), filter by status, search, page.</summary>
[Collection(Apps.Name)]
public sealed class TeamTicketListTests(Apps apps)
{
    private static string Row(string code) => $"href=\"/helpdesk/tickets/{code}\"";

    [Theory, ClassData(typeof(Databases))]
    public async Task An_agent_sees_the_tickets_of_their_team_and_not_those_of_other_teams(Db db)
    {
        var app = await apps.Get(db);
        var marker = "MARK" + Guid.NewGuid().ToString("N")[..8];
        var customer = await app.CreateUserAsync();
        var mine = await OpenTicketAsync(app, customer, $"Tagihan {marker} dobel");
        var (_, otherType) = await OtherTeamAsync(app);
        var theirs = await OpenTicketOfTypeAsync(app, customer, otherType, $"Pasang baru {marker}");
        var pages = await app.SignInAsync(await AgentInTeamAsync(app));

        Assert.Contains("href=\"/helpdesk/team\"", (await pages.GetAsync("/")).Html); // in the menu
        var list = await pages.GetAsync("/helpdesk/team?q=" + marker);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(Row(mine), list.Html);
        Assert.DoesNotContain(Row(theirs), list.Html);
        Assert.Contains($"{mine[..4]}-{mine[4..]}", list.Text);
        Assert.Contains(customer.FullName, list.Text);
        Assert.Contains("Pertanyaan umum", list.Text); // the request type, in the reader's language
        Assert.Contains("WIB", list.Text);
        // Searching by the other team's code finds nothing either.
        var byCode = await pages.GetAsync("/helpdesk/team?q=" + theirs);
        Assert.DoesNotContain(Row(theirs), byCode.Html);
        Assert.Contains(Id(app, "No tickets match."), byCode.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Supervisors_and_admins_see_the_tickets_of_every_team(Db db)
    {
        var app = await apps.Get(db);
        var marker = "MARK" + Guid.NewGuid().ToString("N")[..8];
        var customer = await app.CreateUserAsync();
        var cs = await OpenTicketAsync(app, customer, $"Tagihan {marker}");
        var (_, otherType) = await OtherTeamAsync(app);
        var other = await OpenTicketOfTypeAsync(app, customer, otherType, $"Pasang baru {marker}");

        foreach (var role in new[] { Roles.Supervisor, Roles.Admin })
        {
            var list = await (await app.SignInAsync(await app.CreateUserAsync(role))).GetAsync("/helpdesk/team?q=" + marker);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains(Row(cs), list.Html);
            Assert.Contains(Row(other), list.Html);
            Assert.Contains(Id(app, "All tickets of every team: you see them as a supervisor or administrator."), list.Text);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_is_denied_the_team_list(Db db)
    {
        var app = await apps.Get(db);
        var pages = await app.SignInAsync(await app.CreateUserAsync(Roles.Customer, Roles.Seller));

        // The menu does not offer it either.
        Assert.DoesNotContain("href=\"/helpdesk/team\"", (await pages.GetAsync("/")).Html);
        var page = await pages.GetAsync("/helpdesk/team");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/access-denied", new Uri(app.BaseAddress, page.Location).PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.FollowAsync(page)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_status_filter_shows_totals_per_status_and_only_tickets_of_the_chosen_status(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app, team);
        var fresh = await OpenTicketOfTypeAsync(app, customer, type);
        var resolved = await OpenTicketOfTypeAsync(app, customer, type);
        var closed = await OpenTicketOfTypeAsync(app, customer, type);
        await SetStatusAsync(app, agent, resolved, TicketStatus.Resolved);
        await SetStatusAsync(app, agent, closed, TicketStatus.Closed);
        var pages = await app.SignInAsync(agent);

        // Active tickets by default; "all" shows every status.
        var active = await pages.GetAsync("/helpdesk/team");
        Assert.Contains(Row(fresh), active.Html);
        Assert.DoesNotContain(Row(resolved), active.Html);
        Assert.Equal(1, Total(active, "active"));
        var all = await pages.GetAsync("/helpdesk/team?status=any");
        Assert.Contains(Row(fresh), all.Html);
        Assert.Contains(Row(resolved), all.Html);
        Assert.Contains(Row(closed), all.Html);
        Assert.Equal(3, Total(all, "All"));
        Assert.Equal(1, Total(all, "New"));
        Assert.Equal(1, Total(all, "Resolved"));
        Assert.Equal(1, Total(all, "Closed"));
        Assert.Equal(0, Total(all, "Open"));

        var onlyResolved = await pages.GetAsync("/helpdesk/team?status=Resolved");
        Assert.Contains(Row(resolved), onlyResolved.Html);
        Assert.DoesNotContain(Row(fresh), onlyResolved.Html);
        Assert.DoesNotContain(Row(closed), onlyResolved.Html);
        Assert.Contains("aria-current=\"page\" href=\"/helpdesk/team?status=Resolved\"", onlyResolved.Html);

        var noneOpen = await pages.GetAsync("/helpdesk/team?status=Open");
        Assert.Contains(Id(app, "No tickets match."), noneOpen.Text);
        Assert.Contains(Id(app, "Show all tickets"), noneOpen.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_is_found_by_its_code_typed_with_a_dash_and_by_words_of_its_description(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var customer = await app.CreateUserAsync();
        var wanted = await OpenTicketOfTypeAsync(app, customer, type, "Kabel putus", "Kabel fiber di depan rumah putus kena layangan.");
        var other = await OpenTicketOfTypeAsync(app, customer, type, "Ganti paket", "Mau naik ke paket 50 Mbps.");
        var pages = await app.SignInAsync(await AgentInTeamAsync(app, team));

        var byCode = await pages.GetAsync("/helpdesk/team?q=" + Uri.EscapeDataString($"{wanted[..4]}-{wanted[4..]}".ToLowerInvariant()));
        Assert.Contains(Row(wanted), byCode.Html);
        Assert.DoesNotContain(Row(other), byCode.Html);

        var byWords = await pages.GetAsync("/helpdesk/team?q=layangan");
        Assert.Contains(Row(wanted), byWords.Html);
        Assert.DoesNotContain(Row(other), byWords.Html);
        Assert.Contains(string.Format(Id(app, "Tickets found: {0}"), 1), byWords.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_team_without_tickets_gets_a_helpful_empty_state(Db db)
    {
        var app = await apps.Get(db);
        var (team, _) = await OtherTeamAsync(app);
        // An agent whose only team has no tickets yet.
        var page = await (await app.SignInAsync(await AgentInTeamAsync(app, team))).GetAsync("/helpdesk/team");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Id(app, "No tickets yet."), page.Text);
        Assert.Contains(Id(app, "When customers open tickets for your teams, they appear here."), page.Text);
        Assert.DoesNotContain("<table", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Many_tickets_are_paged_twenty_at_a_time(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var customer = await app.CreateUserAsync();
        var codes = new List<string>();
        for (var i = 0; i < 22; i++) codes.Add(await OpenTicketOfTypeAsync(app, customer, type, $"Tiket nomor {i:00}"));
        var pages = await app.SignInAsync(await AgentInTeamAsync(app, team));

        var first = await pages.GetAsync("/helpdesk/team");
        var second = await pages.GetAsync("/helpdesk/team?page=2");

        Assert.Equal(20, Regex.Matches(first.Html, "href=\"/helpdesk/tickets/").Count);
        Assert.Equal(2, Regex.Matches(second.Html, "href=\"/helpdesk/tickets/").Count);
        Assert.Contains("href=\"/helpdesk/team?page=2\"", first.Html);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/helpdesk/team?page=9")).Status);
        // Newest first: the last one opened leads the first page.
        Assert.True(first.Html.IndexOf(Row(codes[^1]), StringComparison.Ordinal) < first.Html.IndexOf(Row(codes[^2]), StringComparison.Ordinal));
    }

    /// <summary>The count badge next to a status tab, e.g. "All 3".</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Totals_kept_between_views_follow_every_change_at_once(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app, team);
        var first = await OpenTicketOfTypeAsync(app, customer, type);
        var pages = await app.SignInAsync(agent);
        var before = await pages.GetAsync("/helpdesk/team?status=any");
        Assert.Equal(1, Total(before, "New"));

        // Seen once, the totals are kept; a resolution, a new ticket and a deletion each show on the next view.
        await SetStatusAsync(app, agent, first, TicketStatus.Resolved);
        var resolved = await pages.GetAsync("/helpdesk/team?status=any");
        Assert.Equal(0, Total(resolved, "New"));
        Assert.Equal(1, Total(resolved, "Resolved"));
        var second = await OpenTicketOfTypeAsync(app, customer, type);
        Assert.Equal(1, Total(await pages.GetAsync("/helpdesk/team?status=any"), "New"));
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        using var api = await app.ApiAsync(supervisor);
        var deleted = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tickets/{second}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Tiket ganda" }),
        });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, Total(await pages.GetAsync("/helpdesk/team?status=any"), "New"));
    }

    private static int Total(HtmlPage page, string status)
    {
        var href = $"/helpdesk/team?status={(status == "All" ? "any" : status)}";
        var m = Regex.Match(page.Html, $"href=\"{Regex.Escape(href)}\">[^<]*<span class=\"badge rounded-pill count-badge\">(\\d+)</span>");
        Assert.True(m.Success, $"No tab for {status}");
        return int.Parse(m.Groups[1].Value);
    }
}
