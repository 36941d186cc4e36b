using System.Net;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Agents correct a ticket's details on the edit page; each change is a history line, old → new.</summary>
[Collection(Apps.Name)]
public sealed class EditTicketTests(Apps apps)
{
    private static string EditPage(string code) => Page(code) + "/edit";

    private static Dictionary<string, string> Form(string subject, string description, Guid type, TicketPriority priority) => new()
    {
        ["Input.Subject"] = subject, ["Input.Description"] = description, ["Input.RequestTypeId"] = type.ToString(), ["Input.Priority"] = priority.ToString(),
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_changed_detail_leaves_a_history_line_with_old_and_new(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer, subject: "Tagihan dobel");
        var before = await TicketAsync(app, code);
        var otherType = await app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.IsActive && t.Id != before.RequestTypeId).Select(t => new { t.Id, t.NameId }).FirstAsync());
        var agent = await AgentInTeamAsync(app);
        var pages = await app.SignInAsync(agent);

        var saved = await pages.PostFormAsync(EditPage(code), Form("Tagihan November tercatat dua kali", "Sudah dibayar lunas tanggal 3.", otherType.Id, TicketPriority.Urgent));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var ticket = await TicketAsync(app, code);
        Assert.Equal(("Tagihan November tercatat dua kali", "Sudah dibayar lunas tanggal 3.", otherType.Id, TicketPriority.Urgent),
            (ticket.Subject, ticket.Description, ticket.RequestTypeId, ticket.Priority));
        Assert.Equal(before.TeamId, ticket.TeamId); // a ticket with a team keeps it

        var page = await pages.FollowAsync(saved);
        Assert.Contains(Id(app, "The ticket has been updated."), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} changed the subject from “{1}” to “{2}”"), agent.FullName, "Tagihan dobel", "Tagihan November tercatat dua kali"), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} edited the description"), agent.FullName), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} changed the type from {1} to {2}"), agent.FullName, "Pertanyaan umum", otherType.NameId), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} changed the priority from {1} to {2}"), agent.FullName, Id(app, "Low"), Id(app, "Urgent")), page.Text);

        var kinds = await app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.TicketId == ticket.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(2, kinds.Count(k => k == TicketEventKind.DetailsEdited));
        Assert.Single(kinds, TicketEventKind.TypeChanged);
        Assert.Single(kinds, TicketEventKind.PriorityChanged);

        // Saving again without changes writes nothing.
        var again = await pages.PostFormAsync(EditPage(code), Form(ticket.Subject, ticket.Description, ticket.RequestTypeId, ticket.Priority));
        Assert.Contains(Id(app, "Nothing changed."), (await pages.FollowAsync(again)).Text);
        Assert.Equal(kinds.Count, await app.WithDbAsync(d => d.Set<TicketEvent>().CountAsync(e => e.TicketId == ticket.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_without_a_team_joins_the_new_types_team(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var (team, type) = await OtherTeamAsync(app);
        await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == code).ExecuteUpdateAsync(s => s.SetProperty(t => t.TeamId, (Guid?)null)));
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var pages = await app.SignInAsync(supervisor);
        var ticket = await TicketAsync(app, code);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync(EditPage(code), Form(ticket.Subject, ticket.Description, type, ticket.Priority))).Status);
        var teamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        Assert.Equal(teamId, (await TicketAsync(app, code)).TeamId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_too_short_subject_is_shown_beside_its_field_and_nothing_is_saved(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var ticket = await TicketAsync(app, code);
        var agent = await AgentInTeamAsync(app);
        var pages = await app.SignInAsync(agent);

        var refused = await pages.PostFormAsync(EditPage(code), Form("ab", "Deskripsi baru", ticket.RequestTypeId, TicketPriority.High));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.FieldError("Input.Subject"));
        Assert.Contains("Deskripsi baru", refused.Html); // what was typed stays
        var after = await TicketAsync(app, code);
        Assert.Equal((ticket.Subject, ticket.Description, ticket.Priority), (after.Subject, after.Description, after.Priority));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_cannot_edit_their_ticket(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var ticket = await TicketAsync(app, code);
        var pages = await app.SignInAsync(customer);

        Assert.DoesNotContain("/edit", (await pages.GetAsync(Page(code))).Html);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync(EditPage(code))).Status);
        using var api = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PatchAsync($"/api/v1/tickets/{code}", System.Net.Http.Json.JsonContent.Create(new { subject = "Diubah pelanggan" }))).StatusCode);
        Assert.Equal(ticket.Subject, (await TicketAsync(app, code)).Subject);
    }
}
