using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Helpdesk.Admin;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.RequestTypes;

/// <summary>Date-time window and repeatable list fields: checked on the API and the portal form, stored as strings, shown on the ticket.</summary>
[Collection(Apps.Name)]
public sealed class FieldKindsTests(Apps apps)
{
    private static object Ticket(Guid type, object fields, string subject = "Kunjungan ke ruang server") =>
        new { requestTypeId = type, subject, description = "Mohon izin kunjungan untuk pemeliharaan rak.", fields };

    [Theory, ClassData(typeof(Databases))]
    public async Task A_window_and_a_visitors_list_sent_as_a_JSON_array_are_stored_and_shown_on_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(customer);

        var response = await api.PostAsJsonAsync("/api/v1/tickets",
            Ticket(type.Id, new { window = "2026-11-24T09:00/2026-11-24T12:00", visitors = AdminKit.Visitors(2) }));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>((await TicketAsync(app, code)).FieldsJson)!;
        Assert.Equal("2026-11-24T09:00/2026-11-24T12:00", stored["window"]);
        var rows = JsonDocument.Parse(stored["visitors"]).RootElement;
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("Tamu 2", rows[1].GetProperty("name").GetString());

        var page = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains("24 Nov 2026 09.00 – 12.00 WIB", page.Text);
        Assert.Matches("<table class=\"[^\"]*field-rows", page.Html);
        Assert.Contains("3171234567890002", page.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_list_may_also_come_as_a_string_and_other_string_fields_keep_working(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        using var api = await app.ApiAsync(await app.CreateUserAsync());
        var visitors = JsonSerializer.Serialize(AdminKit.Visitors(1));

        var response = await api.PostAsJsonAsync("/api/v1/tickets", Ticket(type.Id, new { window = "2026-11-24T09:00/2026-11-25T08:00", visitors }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_end_before_the_start_a_missing_row_and_a_row_without_its_ID_number_are_400_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        using var api = await app.ApiAsync(await app.CreateUserAsync());

        var response = await api.PostAsJsonAsync("/api/v1/tickets", Ticket(type.Id, new { window = "2026-11-24T12:00/2026-11-24T09:00", visitors = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("setelah", errors.GetProperty("fields[window]")[0].GetString()); // "The end must be after the start."
        Assert.True(errors.TryGetProperty("fields[visitors]", out _));

        var noId = await api.PostAsJsonAsync("/api/v1/tickets", Ticket(type.Id, new
        {
            window = "2026-11-24T09:00/2026-11-24T12:00",
            visitors = new object[] { new { name = "Budi", idNumber = "1" }, new { name = "Siti", company = "PT Maju" } },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        var rowErrors = JsonDocument.Parse(await noId.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(rowErrors.TryGetProperty("fields[visitors][1].idNumber", out _), rowErrors.ToString());
        Assert.False(rowErrors.TryGetProperty("fields[visitors][0].idNumber", out _));

        var half = await api.PostAsJsonAsync("/api/v1/tickets", Ticket(type.Id, new { window = "2026-11-24T09:00/", visitors = AdminKit.Visitors(1) }));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.RequestTypeId == type.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task More_than_twenty_visitors_are_refused(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        using var api = await app.ApiAsync(await app.CreateUserAsync());

        var response = await api.PostAsJsonAsync("/api/v1/tickets", Ticket(type.Id, new { window = "2026-11-24T09:00/2026-11-24T12:00", visitors = AdminKit.Visitors(21) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("20", errors.GetProperty("fields[visitors]")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.RequestTypeId == type.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_portal_form_posts_the_window_and_the_rows_and_opens_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        var customer = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);
        var form = await pages.GetAsync("/helpdesk/new");
        Assert.Contains("type=\"datetime-local\"", form.Html);
        Assert.Contains($"name=\"Parts.visitors.0.idNumber\"", form.Html);

        var fields = new Dictionary<string, string>
        {
            ["RequestTypeId"] = type.Id.ToString(), ["Subject"] = "Kunjungan ke ruang server", ["Description"] = "Pemeliharaan rak A3.",
            ["Parts.window.start"] = "2026-11-26T09:00", ["Parts.window.end"] = "2026-11-26T12:00",
            ["Parts.visitors.0.name"] = "Budi Santoso", ["Parts.visitors.0.company"] = "PT Maju", ["Parts.visitors.0.idNumber"] = "3171",
            ["Parts.visitors.1.name"] = "", ["Parts.visitors.1.company"] = "", ["Parts.visitors.1.idNumber"] = "",
            ["Parts.visitors.2.name"] = "Siti Aminah", ["Parts.visitors.2.idNumber"] = "3172",
        };
        var sent = await pages.PostFormAsync("/helpdesk/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var ticket = await app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(t => t.RequestTypeId == type.Id));
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson)!;
        Assert.Equal("2026-11-26T09:00/2026-11-26T12:00", stored["window"]);
        Assert.Equal(2, JsonDocument.Parse(stored["visitors"]).RootElement.GetArrayLength()); // the blank row is left out
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_portal_form_shows_each_mistake_next_to_its_input_and_keeps_what_was_typed(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        var pages = await app.SignInAsync(await app.CreateUserAsync());

        var page = await pages.PostFormAsync("/helpdesk/new", new()
        {
            ["RequestTypeId"] = type.Id.ToString(), ["Subject"] = "Kunjungan ke ruang server", ["Description"] = "Pemeliharaan rak A3.",
            ["Parts.window.start"] = "2026-11-26T12:00", ["Parts.window.end"] = "2026-11-26T09:00",
            ["Parts.visitors.0.name"] = "Budi Santoso", ["Parts.visitors.0.company"] = "PT Maju",
        }, "/helpdesk/new");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Id(app, "The end must be after the start."), page.Text);
        Assert.Contains(string.Format(Id(app, "Fill in {0}."), "Nomor identitas"), page.Text);
        Assert.Contains("value=\"Budi Santoso\"", page.Html);
        Assert.Contains("value=\"2026-11-26T12:00\"", page.Html);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.RequestTypeId == type.Id)));
    }
}
