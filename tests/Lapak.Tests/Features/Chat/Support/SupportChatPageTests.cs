using System.Net;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Support.SupportKit;

namespace Lapak.Tests.Features.Chat.Support;

/// <summary>The pages: "Chat with us" starts a chat, the agents' queue lists it and picks it up, the header form makes a ticket.</summary>
[Collection(Apps.Name)]
public sealed class SupportChatPageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_starts_on_the_page_and_an_agent_picks_up_from_the_queue_page(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var customer = await app.CreateUserAsync();
        using var customerPages = await app.SignInAsync(customer);

        var form = await customerPages.GetAsync("/chat/support");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(team.Name, form.Html);
        var empty = await customerPages.PostFormAsync("/chat/support",
            new() { ["TeamId"] = team.Id.ToString(), ["Body"] = " ", ["ClientKey"] = form.HiddenFields()["ClientKey"] });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.FieldError("Body"));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Conversation>().CountAsync(c => c.CustomerId == customer.Id)));

        var sent = await customerPages.PostFormAsync("/chat/support",
            new() { ["TeamId"] = team.Id.ToString(), ["Body"] = "Voucher saya tidak bisa dipakai", ["ClientKey"] = form.HiddenFields()["ClientKey"] });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var id = await app.WithDbAsync(d => d.Set<Conversation>().Where(c => c.CustomerId == customer.Id).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/chat/{id}", sent.Location);

        using var agentPages = await app.SignInAsync(agent);
        var queue = await agentPages.GetAsync("/helpdesk/chats");
        Assert.Contains(customer.FullName, queue.Text);
        Assert.Contains("Voucher saya tidak bisa dipakai", queue.Text);
        var picked = await agentPages.PostFormAsync($"/helpdesk/chats?handler=PickUp&id={id}", [], "/helpdesk/chats");
        Assert.Equal($"/chat/{id}", picked.Location);
        queue = await agentPages.GetAsync("/helpdesk/chats");
        Assert.DoesNotContain("Voucher saya tidak bisa dipakai", queue.Text); // not waiting any more; the active list shows the last preview only
        Assert.Contains($"href=\"/chat/{id}\"", queue.Html);

        var ticket = await agentPages.PostFormAsync($"/chat/support/{id}?handler=Ticket",
            new() { ["requestTypeId"] = team.RequestTypeId.ToString(), ["subject"] = "Voucher gagal", ["priority"] = "Normal" }, "/helpdesk/chats");
        Assert.Equal($"/chat/{id}", ticket.Location);
        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(SupportState.Closed, chat.SupportState);
        Assert.NotNull(chat.TicketCode);

        // Staff only: a customer does not reach the queue page.
        var refused = await customerPages.GetAsync("/helpdesk/chats");
        Assert.NotEqual(HttpStatusCode.OK, refused.Status);
    }
}
