using System.Net;
using Microsoft.EntityFrameworkCore;
using Lapak.Web.Features.Helpdesk.Inbound;
using static Lapak.Tests.Features.Helpdesk.Inbound.InboundKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>The admin page that says what became of each inbound e-mail; for admins only.</summary>
public sealed class InboundMailPageTests
{
    private const string Url = "/admin/inbound-mail";

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_sees_each_mail_with_its_outcome_and_can_check_the_mailbox_at_once(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var stranger = $"rina-{Guid.NewGuid():N}@x.test";
        var auto = Mail($"cuti-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Balasan otomatis", "Sedang cuti.");
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        await DeliverAsync(app, auto, Mail(stranger, app.SupportAddress!, "Modem rusak", "Modem tidak menyala."));
        var pages = await app.SignInAsync(admin);

        var page = await pages.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(stranger, page.Text);
        Assert.Contains("Modem rusak", page.Text);
        Assert.Contains(Id(app, "New ticket"), page.Text);
        Assert.Contains(Id(app, InboundReasons.AutoReply), page.Text);
        Assert.Contains(app.SupportAddress!, page.Text);

        var ignored = await pages.GetAsync(Url + "?outcome=Ignored");
        Assert.Contains("Balasan otomatis", ignored.Text);
        Assert.DoesNotContain("Modem rusak", ignored.Text);

        // "Check now" reads the mailbox on the spot.
        await ImapBox.AppendAsync(app.InboundFolder!, Mail(stranger, app.SupportAddress!, "Modem masih rusak", "Tolong dibantu."));
        var check = await pages.PostFormAsync(Url + "?handler=Check", new(), formUrl: Url);
        Assert.Equal(HttpStatusCode.Redirect, check.Status);
        var after = await pages.FollowAsync(check);
        Assert.Contains("Modem masih rusak", after.Text);
        Assert.Equal((0, 0), await ImapBox.CountAsync(app.InboundFolder!));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_retries_a_failed_mail_once_its_cause_is_fixed_and_it_opens_its_ticket(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var customer = await app.CreateUserAsync();
        await SetTypesActiveAsync(app, false);
        var mail = Mail(customer.Email, app.SupportAddress!, "Modem rusak", "Modem tidak menyala.");
        Assert.Equal(1, (await DeliverAsync(app, mail)).Failed);
        Assert.Equal((1, 0), await ImapBox.CountAsync(app.FailedFolder!));
        var pages = await app.SignInAsync(admin);
        var entry = await EntryAsync(app, mail);
        var failedTab = (await pages.GetAsync(Url + "?outcome=Failed")).Html;
        Assert.Contains("handler=Retry", failedTab);
        Assert.Contains($"id={entry.Id}", failedTab);

        await SetTypesActiveAsync(app, true);
        var retry = await pages.PostFormAsync($"{Url}?handler=Retry&id={entry.Id}", new(), formUrl: Url);

        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
        var after = await EntryAsync(app, mail);
        Assert.Equal(InboundOutcome.Opened, after.Outcome);
        Assert.NotNull(after.TicketId);
        Assert.Equal((0, 0), await ImapBox.CountAsync(app.FailedFolder!));
        Assert.Equal((1, 0), await ImapBox.CountAsync(app.ProcessedFolder!));
        Assert.Contains(Id(app, "The e-mail was tried again: {0} replies, {1} new tickets, {2} ignored, {3} failed.").Replace("{0}", "0").Replace("{1}", "1")
            .Replace("{2}", "0").Replace("{3}", "0"), (await pages.FollowAsync(retry)).Text);

        // Handled now: a second retry changes nothing.
        var again = await pages.PostFormAsync($"{Url}?handler=Retry&id={entry.Id}", new(), formUrl: Url);
        Assert.Contains(Id(app, "Only a failed e-mail can be tried again."), (await pages.FollowAsync(again)).Text);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Lapak.Web.Features.Helpdesk.Tickets.Ticket>().CountAsync(t => t.CustomerId == customer.Id)));
    }

    private static Task<int> SetTypesActiveAsync(LapakApp app, bool active) => app.WithDbAsync(d =>
        d.Set<Lapak.Web.Features.Helpdesk.RequestTypes.RequestType>().ExecuteUpdateAsync(x => x.SetProperty(t => t.IsActive, active)));

    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_agents_and_supervisors_are_denied_the_page_and_its_check(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        await ImapBox.AppendAsync(app.InboundFolder!, Mail($"x-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Halo", "Halo."));

        foreach (var role in new[] { Roles.Customer, Roles.Agent, Roles.Supervisor })
        {
            var pages = await app.SignInAsync(await app.CreateUserAsync(role));
            var page = await pages.GetAsync(Url);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/account/access-denied"), $"{role}: {page}");
            var post = await pages.PostFormAsync(Url + "?handler=Check", new(), formUrl: "/");
            Assert.Contains("/account/access-denied", post.Location);
            var retry = await pages.PostFormAsync($"{Url}?handler=Retry&id={Guid.NewGuid()}", new(), formUrl: "/");
            Assert.Contains("/account/access-denied", retry.Location);
        }
        var anonymous = await app.Pages().GetAsync(Url);
        Assert.Contains("/account/login", anonymous.Location);
        // Nobody but an admin made the mailbox be read.
        Assert.Equal((1, 1), await ImapBox.CountAsync(app.InboundFolder!));
    }
}
