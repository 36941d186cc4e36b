using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Internal notes on the ticket page: staff working the ticket add and see them; the customer never does, on the page or the API.</summary>
[Collection(Apps.Name)]
public sealed class InternalNoteTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_internal_note_is_shown_to_staff_marked_as_internal_and_never_to_the_customer_on_the_page_or_the_api(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var staff = await app.SignInAsync(agent);

        var reply = await staff.PostFormAsync(Page(code) + "?handler=Reply",
            new() { ["Reply.Body"] = "PUBLIC-7781 Kami sedang mengecek tagihan Anda.", ["Reply.Internal"] = "false" }, formUrl: Page(code));
        var note = await staff.PostFormAsync(Page(code) + "?handler=Reply",
            new() { ["Reply.Body"] = "SECRET-5512 Pelanggan ini sering komplain, cek riwayat.", ["Reply.Internal"] = "true" }, formUrl: Page(code));
        Assert.Equal(HttpStatusCode.Redirect, reply.Status);
        Assert.Equal(HttpStatusCode.Redirect, note.Status);
        var after = await staff.FollowAsync(note);
        Assert.Contains(Id(app, "Your internal note has been added."), after.Text);

        var staffPage = await staff.GetAsync(Page(code));
        Assert.Contains("PUBLIC-7781", staffPage.Text);
        Assert.Contains("SECRET-5512", staffPage.Text);
        Assert.Contains(Id(app, "Internal note — not visible to the customer"), staffPage.Text);
        Assert.Contains(string.Format(Id(app, "{0} added an internal note"), agent.FullName), staffPage.Text);

        var customerPage = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.OK, customerPage.Status);
        Assert.Contains("PUBLIC-7781", customerPage.Text);
        Assert.DoesNotContain("SECRET-5512", customerPage.Html);
        Assert.DoesNotContain(Id(app, "Internal note — not visible to the customer"), customerPage.Text);
        Assert.DoesNotContain(string.Format(Id(app, "{0} added an internal note"), agent.FullName), customerPage.Text);

        using var customerApi = await app.ApiAsync(customer);
        var json = await customerApi.GetStringAsync($"/api/v1/tickets/{code}");
        Assert.Contains("PUBLIC-7781", json);
        Assert.DoesNotContain("SECRET-5512", json);
        Assert.DoesNotContain("NoteAdded", json, StringComparison.OrdinalIgnoreCase);

        using var staffApi = await app.ApiAsync(agent);
        Assert.Contains("SECRET-5512", await staffApi.GetStringAsync($"/api/v1/tickets/{code}"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_cannot_post_an_internal_note_even_by_forging_the_form_field(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var pages = await app.SignInAsync(customer);

        var forged = await pages.PostFormAsync(Page(code) + "?handler=Reply",
            new() { ["Reply.Body"] = "FORGED-3301 catatan palsu", ["Reply.Internal"] = "true" }, formUrl: Page(code));

        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("id=\"ticket-problem\"", forged.Html);
        Assert.Contains(Id(app, "Only staff working on the ticket can add internal notes."), forged.Text);
        Assert.Empty(await MessagesAsync(app, code));
        // What was typed is still there to send as a normal reply.
        Assert.Contains("FORGED-3301 catatan palsu", forged.Html);

        using var api = await app.ApiAsync(customer);
        var viaApi = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/notes", new { body = "FORGED-3302" });
        Assert.Equal(HttpStatusCode.Forbidden, viaApi.StatusCode);
        Assert.Empty(await MessagesAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_customer_is_notified_of_a_public_staff_reply_but_not_of_an_internal_note(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var staff = await app.SignInAsync(await AgentInTeamAsync(app));
        Task<int> RepliedAsync() => app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.Replied));

        await staff.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Catatan untuk tim saja", ["Reply.Internal"] = "true" }, formUrl: Page(code));
        Assert.Equal(0, await RepliedAsync());

        await staff.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Halo, tagihan sudah kami koreksi.", ["Reply.Internal"] = "false" }, formUrl: Page(code));
        Assert.Equal(1, await RepliedAsync());
        var link = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.Replied)
            .Select(n => n.Link).SingleAsync());
        Assert.Equal(Page(code), link);
    }
}
