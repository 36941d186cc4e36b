using System.Net;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Portal;

/// <summary>/helpdesk: my tickets with totals per status, search by code or words, and nobody else's tickets.</summary>
[Collection(Apps.Name)]
public sealed class MyTicketsTests(Apps apps)
{
    private static int Total(HtmlPage page, string statusLabel)
    {
        var m = Regex.Match(page.Text, @"(\d+) " + Regex.Escape(statusLabel) + " ");
        Assert.True(m.Success, $"No total for {statusLabel}.");
        return int.Parse(m.Groups[1].Value);
    }

    private static Task ResolveAsync(LapakApp app, string code) => app.WithDbAsync(async d =>
    {
        var ticket = await d.Set<Ticket>().SingleAsync(t => t.Code == code);
        ticket.MoveTo(TicketStatus.Resolved, Actor.System, DateTime.UtcNow);
        return await d.SaveChangesAsync();
    });

    [Theory, ClassData(typeof(Databases))]
    public async Task The_dashboard_lists_only_my_tickets_with_totals_per_status(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var me = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var pages = await app.SignInAsync(me);
        var otherPages = await app.SignInAsync(other);

        var empty = await pages.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Kamu belum punya tiket.", empty.Text);

        var first = await PortalKit.OpenAsync(pages, PortalKit.Form(desk, "Meteran rumah salah catat"));
        var second = await PortalKit.OpenAsync(pages, PortalKit.Form(desk, "Tagihan Oktober dobel"));
        var third = await PortalKit.OpenAsync(pages, PortalKit.Form(desk, "Token listrik tidak masuk"));
        var theirs = await PortalKit.OpenAsync(otherPages, PortalKit.Form(desk, "Rahasia tetangga sebelah"));
        await ResolveAsync(app, third);

        var page = await pages.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var code in new[] { first, second, third })
        {
            Assert.Contains(TicketCode.Display(code), page.Text);
            Assert.Contains($"href=\"/helpdesk/tickets/{code}\"", page.Html);
        }
        Assert.DoesNotContain(TicketCode.Display(theirs), page.Text);
        Assert.DoesNotContain("Rahasia tetangga", page.Text);
        Assert.Contains(desk.TypeName, page.Text);
        Assert.Contains("WIB", page.Text);
        Assert.Equal(2, Total(page, "Baru"));
        Assert.Equal(1, Total(page, "Selesai"));
        Assert.Equal(0, Total(page, "Ditutup"));

        var resolved = await pages.GetAsync("/helpdesk?status=Resolved");
        Assert.Contains(TicketCode.Display(third), resolved.Text);
        Assert.DoesNotContain(TicketCode.Display(first), resolved.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Searching_finds_my_tickets_by_word_and_a_full_code_goes_straight_to_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var me = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var pages = await app.SignInAsync(me);
        var meter = await PortalKit.OpenAsync(pages, PortalKit.Form(desk, "Meteran rumah salah catat"));
        var token = await PortalKit.OpenAsync(pages, PortalKit.Form(desk, "Token listrik tidak masuk"));
        var theirs = await PortalKit.OpenAsync(await app.SignInAsync(other), PortalKit.Form(desk, "Meteran tetangga"));

        var byWord = await pages.GetAsync("/helpdesk?q=meteran");
        Assert.Contains(TicketCode.Display(meter), byWord.Text);
        Assert.DoesNotContain(TicketCode.Display(token), byWord.Text);
        Assert.DoesNotContain(TicketCode.Display(theirs), byWord.Text);

        // However it is typed (lower case, with or without the dash), a code of mine opens the ticket.
        var byCode = await pages.GetAsync("/helpdesk?q=" + Uri.EscapeDataString(TicketCode.Display(token).ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, byCode.Status);
        Assert.Equal($"/helpdesk/tickets/{token}", byCode.Location);

        // Someone else's code reveals nothing.
        var foreign = await pages.GetAsync("/helpdesk?q=" + theirs);
        Assert.Equal(HttpStatusCode.OK, foreign.Status);
        Assert.Contains("Tidak ada tiket yang cocok", foreign.Text);
        Assert.DoesNotContain("Meteran tetangga", foreign.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_dashboard_asks_a_guest_to_sign_in(Db db)
    {
        var app = await apps.Get(db);
        using var guest = app.Pages();
        var page = await guest.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location);
    }
}
