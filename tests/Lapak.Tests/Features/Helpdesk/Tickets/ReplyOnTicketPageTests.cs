using System.Net;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>The reply form of the ticket page: replies land in the conversation, a resolved ticket reopens, a closed one refuses.</summary>
[Collection(Apps.Name)]
public sealed class ReplyOnTicketPageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_reply_appears_in_the_conversation_after_a_redirect_with_a_flash(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var pages = await app.SignInAsync(customer);

        var sent = await pages.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "  Ini tambahan info: nomor rekening 123.  " }, formUrl: Page(code));

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var message = Assert.Single(await MessagesAsync(app, code));
        Assert.Equal("Ini tambahan info: nomor rekening 123.", message.Body);
        Assert.False(message.IsInternal);
        Assert.False(message.FromStaff);
        Assert.Equal($"{Page(code)}#message-{message.Id}", sent.Location);
        var page = await pages.FollowAsync(sent);
        Assert.Contains(Id(app, "Your reply has been sent."), page.Text);
        Assert.Contains("Ini tambahan info: nomor rekening 123.", page.Text);
        Assert.Contains($"id=\"message-{message.Id}\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_empty_reply_shows_a_field_error_and_writes_nothing(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);

        var page = await (await app.SignInAsync(customer)).PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "   " }, formUrl: Page(code));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Id(app, "Write a message."), page.FieldError("Reply.Body"));
        Assert.Empty(await MessagesAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_reply_to_a_resolved_ticket_reopens_it_and_the_form_says_so_beforehand(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, await AgentInTeamAsync(app), code, TicketStatus.Resolved);
        var pages = await app.SignInAsync(customer);

        var before = await pages.GetAsync(Page(code));
        Assert.Contains("id=\"reopen-hint\"", before.Html);

        var sent = await pages.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Masih belum beres, tagihan tetap dobel." }, formUrl: Page(code));

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var ticket = await TicketAsync(app, code);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
        var after = await pages.FollowAsync(sent);
        Assert.Contains(string.Format(Id(app, "{0} changed the status from {1} to {2}"), customer.FullName, Id(app, "Resolved"), Id(app, "Open")), after.Text);
        Assert.DoesNotContain("id=\"reopen-hint\"", after.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Replying_to_a_closed_ticket_is_refused_with_a_notice_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        await SetStatusAsync(app, agent, code, TicketStatus.Closed);
        var pages = await app.SignInAsync(customer);

        var page = await pages.GetAsync(Page(code));
        Assert.Contains("id=\"closed-notice\"", page.Html);
        Assert.DoesNotContain("name=\"Reply.Body\"", page.Html);

        // A form kept open in another tab, or a hand-made post, still gets a clear "no".
        var refused = await pages.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Halo?" }, formUrl: Page(code));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Id(app, "This ticket is closed. Open a new ticket if you still need help."), refused.Text);
        var staffRefused = await (await app.SignInAsync(agent)).PostFormAsync(Page(code) + "?handler=Reply",
            new() { ["Reply.Body"] = "Catatan", ["Reply.Internal"] = "true" }, formUrl: Page(code));
        Assert.Equal(HttpStatusCode.OK, staffRefused.Status);

        Assert.Empty(await MessagesAsync(app, code));
        var ticket = await TicketAsync(app, code);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }
}
