using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>The ticket API: the same rules as the pages, proven through HTTP.</summary>
[Collection(Apps.Name)]
public sealed class TicketApiTests(Apps apps)
{
    /// <summary>A demo request type by its name as the caller reads it (test users read Bahasa Indonesia).</summary>
    internal static async Task<JsonElement> RequestTypeAsync(HttpClient api, string name)
    {
        var types = await api.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/request-types");
        return types.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
    }

    internal static async Task<string> OpenOrderComplaintAsync(HttpClient api, string subject = "Kopi yang datang salah varian")
    {
        var type = await RequestTypeAsync(api, "Komplain pesanan");
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type.GetProperty("id").GetGuid(), subject, description = "Saya pesan Arabika Gayo, yang datang Robusta.",
            fields = new Dictionary<string, string> { ["order_number"] = "INV-2026-0042", ["problem"] = "Barang tidak sesuai" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_opens_a_ticket_and_the_team_hears_of_it_by_e_mail_and_in_app(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(customer);

        var code = await OpenOrderComplaintAsync(api);

        var ticket = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}");
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        Assert.Equal("Customer Service", ticket.GetProperty("teamName").GetString());
        Assert.Equal("INV-2026-0042", ticket.GetProperty("fields").EnumerateArray().First().GetProperty("value").GetString());
        var mail = await app.Mail.WaitForAsync("agent@lapak.test", m => m.Text?.Contains(TicketCode.Display(code)) == true);
        Assert.Contains($"/helpdesk/tickets/{code}", mail.Text);
        var kinds = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.Data.Contains(TicketCode.Display(code))).Select(n => n.Kind).ToListAsync());
        Assert.Contains("helpdesk.ticket_received", kinds);
        Assert.Contains("helpdesk.ticket_new_for_team", kinds);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Missing_or_wrong_fields_get_field_errors_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(customer);
        var type = await RequestTypeAsync(api, "Komplain pesanan");

        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type.GetProperty("id").GetGuid(), subject = "", description = "x",
            fields = new Dictionary<string, string> { ["problem"] = "Harga naik", ["colour"] = "merah" },
        });

        var errors = (await AuthApiTests.AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("fields[order_number]", out _)); // said in the same answer, not after the subject is fixed
        var second = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type.GetProperty("id").GetGuid(), subject = "Pesanan bermasalah", description = "x",
            fields = new Dictionary<string, string> { ["problem"] = "Harga naik", ["colour"] = "merah" },
        });
        var fieldErrors = (await AuthApiTests.AssertProblem(second, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(fieldErrors.TryGetProperty("fields[order_number]", out _)); // required, missing
        Assert.True(fieldErrors.TryGetProperty("fields[problem]", out _));      // not one of the options
        Assert.True(fieldErrors.TryGetProperty("fields[colour]", out _));       // not a field of this type
        Assert.False(await app.WithDbAsync(d => d.Set<Ticket>().AnyAsync(t => t.CustomerId == customer.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Knowing_a_code_never_opens_someone_elses_ticket(Db db)
    {
        var app = await apps.Get(db);
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var outsiderAgent = await app.CreateUserAsync(Roles.Agent); // in no team
        using var ownerApi = await app.ApiAsync(owner);
        var code = await OpenOrderComplaintAsync(ownerApi);

        foreach (var other in new[] { stranger, outsiderAgent })
        {
            using var api = await app.ApiAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/tickets/{code}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Halo" })).StatusCode);
            var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/tickets");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        }
        using var agent = await app.ApiAsync(new TestUser(Guid.Empty, "agent@lapak.test", "Lapak#2026", ""));
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/tickets/{code}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Internal_notes_reach_staff_only_and_a_customer_cannot_write_one(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agent = await app.ApiAsync(new TestUser(Guid.Empty, "agent@lapak.test", "Lapak#2026", ""));
        var code = await OpenOrderComplaintAsync(customerApi);

        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync($"/api/v1/tickets/{code}/notes", new { body = "Cek gudang: stok Gayo kosong sejak Senin." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Mohon maaf, kami kirim ulang hari ini." })).StatusCode);
        var forged = await customerApi.PostAsJsonAsync($"/api/v1/tickets/{code}/notes", new { body = "Saya staf" });
        await AuthApiTests.AssertProblem(forged, HttpStatusCode.Forbidden);

        var asCustomer = await customerApi.GetStringAsync($"/api/v1/tickets/{code}");
        Assert.DoesNotContain("stok Gayo kosong", asCustomer);
        Assert.DoesNotContain("noteAdded", asCustomer);
        Assert.Contains("kami kirim ulang", asCustomer);
        Assert.Contains("stok Gayo kosong", await agent.GetStringAsync($"/api/v1/tickets/{code}"));

        // The customer hears of the reply, not of the note.
        var notes = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.UserId == customer.Id).Select(n => n.Kind).ToListAsync());
        Assert.Single(notes, k => k == "helpdesk.ticket_replied");
        var ticket = await customerApi.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}");
        Assert.Equal("open", ticket.GetProperty("status").GetString()); // the first staff reply opened it
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_lifecycle_is_enforced_a_customer_reply_reopens_and_a_closed_ticket_takes_no_reply(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agent = await app.ApiAsync(new TestUser(Guid.Empty, "agent@lapak.test", "Lapak#2026", ""));
        var code = await OpenOrderComplaintAsync(customerApi);

        await AuthApiTests.AssertProblem(await customerApi.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "resolved" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await customerApi.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Masih salah kirim." })).StatusCode);
        Assert.Equal("open", (await customerApi.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await agent.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "closed" })).StatusCode);
        await AuthApiTests.AssertProblem(await agent.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "open" }), HttpStatusCode.Conflict);
        await AuthApiTests.AssertProblem(await customerApi.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Halo?" }), HttpStatusCode.Conflict);

        var history = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}")).GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "statusChanged")
            .Select(e => $"{e.GetProperty("oldValue").GetString()}>{e.GetProperty("newValue").GetString()}").ToList();
        Assert.Equal(["New>Resolved", "Resolved>Open", "Open>Closed"], history);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<TicketMessage>().CountAsync(m => d.Set<Ticket>().Any(t => t.Id == m.TicketId && t.Code == code))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_open_a_ticket_for_a_customer_but_a_customer_cannot_for_someone_else(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        using var agent = await app.ApiAsync(new TestUser(Guid.Empty, "agent@lapak.test", "Lapak#2026", ""));
        using var customerApi = await app.ApiAsync(customer);
        var type = await RequestTypeAsync(agent, "Pertanyaan umum");

        var byAgent = await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type.GetProperty("id").GetGuid(), subject = "Klien minta akses ruang server", description = "Ditelepon pagi ini.",
            customerEmail = customer.Email,
        });
        Assert.Equal(HttpStatusCode.Created, byAgent.StatusCode);
        Assert.Equal(customer.FullName, (await byAgent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerName").GetString());

        var byCustomer = await customerApi.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type.GetProperty("id").GetGuid(), subject = "Atas nama teman", description = "x", customerEmail = other.Email,
        });
        Assert.True((await AuthApiTests.AssertProblem(byCustomer, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("customerEmail", out _));
    }
}
