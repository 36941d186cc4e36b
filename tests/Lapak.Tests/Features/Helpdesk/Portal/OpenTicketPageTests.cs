using System.Net;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Portal;

/// <summary>/helpdesk/new: opening a ticket through the page, its field errors, guests, and staff opening for a customer.</summary>
[Collection(Apps.Name)]
public sealed class OpenTicketPageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Opening_a_ticket_with_type_fields_lands_on_its_page_and_the_team_hears_of_it(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);

        var form = await pages.GetAsync("/helpdesk/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(desk.TypeName, form.Text);
        Assert.Contains("Nomor meter", form.Text);

        var sent = await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var code = sent.Location!["/helpdesk/tickets/".Length..];
        Assert.Equal($"/helpdesk/tickets/{code}", sent.Location);

        var ticket = Assert.Single(await PortalKit.TicketsOfAsync(app, customer.Id));
        Assert.Equal(code, ticket.Code);
        Assert.Equal(desk.TeamId, ticket.TeamId);
        Assert.Equal(desk.TypeId, ticket.RequestTypeId);
        Assert.Equal(customer.Id, ticket.CreatedById);
        Assert.Equal(TicketStatus.New, ticket.Status);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson)!;
        Assert.Equal("5400-1234-77", fields["meter"]);
        Assert.Equal("912500.50", fields["amount"]);
        Assert.Equal("2026-11-01", fields["since"]);
        Assert.Equal("R1", fields["tariff"]);
        Assert.Equal("Rumah kosong minggu lalu.", fields["note"]);
        var history = await app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.TicketId == ticket.Id).ToListAsync());
        Assert.Contains(history, e => e.Kind == TicketEventKind.Created && e.ActorId == customer.Id);

        // The flash on the next page names the code as people read it.
        var next = await pages.FollowAsync(sent);
        Assert.Contains(TicketCode.Display(code), next.Text);

        var agentNotes = await app.WithDbAsync(d => d.Set<Notification>()
            .Where(n => n.UserId == desk.Agent.Id && n.Kind == HelpdeskNotifications.NewForTeam).ToListAsync());
        Assert.Equal($"/helpdesk/tickets/{code}", Assert.Single(agentNotes).Link);
        Assert.True(await app.WithDbAsync(d => d.Set<Notification>().AnyAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.Received)));
        var mail = await app.Mail.WaitForAsync(desk.Agent.Email, m => m.Text?.Contains(TicketCode.Display(code)) == true);
        Assert.Contains($"/helpdesk/tickets/{code}", mail.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_bad_field_gets_its_own_error_keeps_what_was_typed_and_writes_nothing(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);

        (string Field, Action<Dictionary<string, string>> Break)[] cases =
        [
            ("Subject", f => f["Subject"] = ""),
            ("Fields[meter]", f => f["Fields[meter]"] = ""),
            ("Fields[amount]", f => f["Fields[amount]"] = "sembilan ratus ribu"),
            ("Fields[tariff]", f => f["Fields[tariff]"] = "R9"),
        ];
        foreach (var (field, change) in cases)
        {
            var page = await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: change));
            Assert.True(page.Status == HttpStatusCode.OK, $"{field}: {page}");
            Assert.False(string.IsNullOrEmpty(page.FieldError(field)), $"No error shown for {field}.");
            // Nothing typed is lost: the other values come back in the form.
            Assert.Contains("Biasanya Rp 300.000", page.Html);
            if (field != "Fields[meter]") Assert.Contains("value=\"5400-1234-77\"", page.Html);
            if (field != "Subject") Assert.Contains("Tagihan bulan ini naik tiga kali lipat", page.Html);
            Assert.Contains("<option value=\"R1\"", page.Html);
        }
        Assert.Equal("Isi Nomor meter.", (await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: f => f.Remove("Fields[meter]")))).FieldError("Fields[meter]"));
        // Every mistake is said at once: an empty subject does not hide the type's own field errors.
        var both = await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: f => { f["Subject"] = ""; f["Fields[meter]"] = ""; }));
        Assert.NotNull(both.FieldError("Subject"));
        Assert.NotNull(both.FieldError("Fields[meter]"));
        Assert.Empty(await PortalKit.TicketsOfAsync(app, customer.Id));
        Assert.False(await app.WithDbAsync(d => d.Set<Notification>().AnyAsync(n => n.UserId == desk.Agent.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_without_a_request_type_asks_for_one(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);

        var page = await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: f => f.Remove("RequestTypeId")));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("RequestTypeId"));
        Assert.Empty(await PortalKit.TicketsOfAsync(app, customer.Id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Choosing_a_type_without_javascript_shows_its_fields_and_keeps_what_was_typed(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var pages = await app.SignInAsync(await app.CreateUserAsync());

        var preselected = await pages.GetAsync($"/helpdesk/new?type={desk.TypeId}");
        Assert.Contains($"<fieldset data-type-fields=\"{desk.TypeId}\">", preselected.Html); // enabled and shown

        var chosen = await pages.PostFormAsync("/helpdesk/new?handler=Choose",
            new() { ["RequestTypeId"] = desk.TypeId.ToString(), ["Subject"] = "Meteran aneh" }, formUrl: "/helpdesk/new");
        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        Assert.Contains($"<fieldset data-type-fields=\"{desk.TypeId}\">", chosen.Html);
        Assert.Contains("value=\"Meteran aneh\"", chosen.Html);
        Assert.Null(chosen.FieldError("Subject")); // choosing is not sending
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_guests_typed_form_survives_signing_in_and_one_more_press_sends_it(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        using var guest = app.Pages();

        var form = await guest.GetAsync("/helpdesk/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("yang sudah kamu ketik tetap tersimpan", form.Text);

        var sent = await guest.PostFormAsync("/helpdesk/new", PortalKit.Form(desk));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString("/helpdesk/new?resume=1"), sent.Location);
        Assert.Empty(await PortalKit.TicketsOfAsync(app, customer.Id));

        var signedIn = await guest.PostFormAsync(sent.Location!,
            new() { ["Input.Email"] = customer.Email, ["Input.Password"] = customer.Password, ["returnUrl"] = "/helpdesk/new?resume=1" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/helpdesk/new?resume=1", signedIn.Location);

        var resumed = await guest.FollowAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Contains("value=\"Tagihan bulan ini naik tiga kali lipat\"", resumed.Html);
        Assert.Contains("Biasanya Rp 300.000", resumed.Html);
        Assert.Contains("value=\"5400-1234-77\"", resumed.Html);
        Assert.Contains("value=\"912500.50\"", resumed.Html);
        Assert.Contains("value=\"2026-11-01\"", resumed.Html);
        Assert.Contains("<option value=\"R1\" selected=\"selected\">", resumed.Html);
        Assert.Matches($"value=\"{desk.TypeId}\"\\s+checked=\"checked\"", resumed.Html);

        var code = await PortalKit.OpenAsync(guest, PortalKit.Form(desk));
        Assert.Equal(code, Assert.Single(await PortalKit.TicketsOfAsync(app, customer.Id)).Code);
        // The draft is used once: coming back later starts empty.
        Assert.DoesNotContain("Tagihan bulan ini naik", (await guest.GetAsync("/helpdesk/new?resume=1")).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_open_a_ticket_for_a_customer_by_e_mail(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        var staff = await app.SignInAsync(desk.Agent);

        Assert.Contains("name=\"CustomerEmail\"", (await staff.GetAsync("/helpdesk/new")).Html);
        var code = await PortalKit.OpenAsync(staff, PortalKit.Form(desk, change: f => f["CustomerEmail"] = customer.Email));

        var ticket = Assert.Single(await PortalKit.TicketsOfAsync(app, customer.Id));
        Assert.Equal(code, ticket.Code);
        Assert.Equal(desk.Agent.Id, ticket.CreatedById);

        var unknown = await staff.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: f => f["CustomerEmail"] = "nobody-here@test.lapak"));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.NotNull(unknown.FieldError("CustomerEmail"));
        Assert.Contains("value=\"nobody-here@test.lapak\"", unknown.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_cannot_open_a_ticket_for_someone_else(Db db)
    {
        var app = await apps.Get(db);
        var desk = await PortalKit.CreateDeskAsync(app);
        var customer = await app.CreateUserAsync();
        var victim = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);

        Assert.DoesNotContain("name=\"CustomerEmail\"", (await pages.GetAsync("/helpdesk/new")).Html);
        var page = await pages.PostFormAsync("/helpdesk/new", PortalKit.Form(desk, change: f => f["CustomerEmail"] = victim.Email));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Hanya staf yang bisa membuat tiket untuk orang lain.", page.Text);
        Assert.Empty(await PortalKit.TicketsOfAsync(app, victim.Id));
        Assert.Empty(await PortalKit.TicketsOfAsync(app, customer.Id));
    }
}
