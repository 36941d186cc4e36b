using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Admin;

/// <summary>/helpdesk/admin/request-types and /api/v1/helpdesk/admin/request-types: admins only, every field kind, checked keys and names.</summary>
[Collection(Apps.Name)]
public sealed class RequestTypeAdminTests(Apps apps)
{
    private static object Body(string tag, object[] fields, bool active = true) => new
    {
        nameId = "Izin kunjungan " + tag, nameEn = "Visit permit " + tag, descriptionId = "Kunjungan ke DC", descriptionEn = "Visit to the DC",
        defaultPriority = "High", needsApproval = true, isActive = active, sortOrder = 5, fields,
    };

    private static object[] EveryKind() =>
    [
        new { key = "note", labelId = "Catatan", labelEn = "Note", kind = "Text", maxLength = 80 },
        new { key = "details", labelId = "Rincian", labelEn = "Details", kind = "LongText" },
        new { key = "racks", labelId = "Jumlah rak", labelEn = "Racks", kind = "Number" },
        new { key = "day", labelId = "Tanggal", labelEn = "Day", kind = "Date" },
        new { key = "room", labelId = "Ruang", labelEn = "Room", kind = "Choice", required = true, options = new[] { "DC1", "DC2" } },
        new { key = "window", labelId = "Jadwal", labelEn = "Window", kind = "DateTimeWindow", required = true },
        new
        {
            key = "visitors", labelId = "Pengunjung", labelEn = "Visitors", kind = "List", required = true,
            items = new object[]
            {
                new { key = "name", labelId = "Nama", labelEn = "Name", kind = "Text", required = true },
                new { key = "id_number", labelId = "Nomor identitas", labelEn = "ID number", kind = "Text", required = true },
            },
        },
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task Admins_saving_the_same_new_name_at_once_get_one_type_and_a_field_error_never_a_crash(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var admins = new List<HttpClient>();
        for (var i = 0; i < 6; i++) admins.Add(await app.ApiAsync(await app.CreateUserAsync(Roles.Admin)));

        var responses = await Task.WhenAll(admins.Select(api => api.PostAsJsonAsync("/api/v1/helpdesk/admin/request-types", Body(tag, []))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<RequestType>().CountAsync(t => t.NameEn.EndsWith(tag))));
        foreach (var api in admins) api.Dispose();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_creates_a_type_with_every_field_kind_through_the_API_and_customers_can_use_it(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        var response = await api.PostAsJsonAsync("/api/v1/helpdesk/admin/request-types", Body(tag, EveryKind()));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var type = await app.WithDbAsync(d => d.Set<RequestType>().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(TicketPriority.High, type.DefaultPriority);
        Assert.True(type.NeedsApproval);
        Assert.Equal(["note", "details", "racks", "day", "room", "window", "visitors"], type.Fields.Select(f => f.Key));
        Assert.Equal(["DC1", "DC2"], type.Fields[4].Options!);
        Assert.Equal(["name", "id_number"], type.Fields[6].Items!.Select(i => i.Key));
        Assert.Contains(await app.WithDbAsync(d => d.Set<ActivityEntry>().Select(a => a.Action).ToListAsync()), a => a == "helpdesk.request_type_created");

        using var customer = await app.ApiAsync(await app.CreateUserAsync());
        var opened = await customer.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = id, subject = "Kunjungan rak baru", description = "Pemasangan dua rak baru.",
            fields = new { room = "DC2", window = "2026-12-01T08:00/2026-12-01T10:00", visitors = new[] { new { name = "Budi", id_number = "3171" } } },
        });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_keys_missing_options_an_empty_list_and_a_taken_name_are_400_with_field_names_and_nothing_is_saved(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var existing = await AdminKit.VisitTypeAsync(app);

        var response = await api.PostAsJsonAsync("/api/v1/helpdesk/admin/request-types", new
        {
            nameId = existing.NameId, nameEn = "Fresh " + tag,
            fields = new object[]
            {
                new { key = "Nomor Pesanan", labelId = "Nomor", labelEn = "Number", kind = "Text" },
                new { key = "room", labelId = "Ruang", labelEn = "Room", kind = "Choice" },
                new { key = "room", labelId = "Ruang 2", labelEn = "Room 2", kind = "Text" },
                new { key = "visitors", labelId = "Pengunjung", labelEn = "Visitors", kind = "List" },
                new { key = "people", labelId = "Orang", labelEn = "People", kind = "List", items = new object[] { new { key = "when", labelId = "Kapan", labelEn = "When", kind = "DateTimeWindow" } } },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var key in new[] { "nameId", "fields[0].key", "fields[1].options", "fields[2].key", "fields[3].items", "fields[4].items[0].kind" })
            Assert.True(errors.TryGetProperty(key, out _), $"{key} missing in {errors}");
        Assert.False(await app.WithDbAsync(d => d.Set<RequestType>().AnyAsync(t => t.NameEn == "Fresh " + tag)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Editing_a_type_keeps_its_existing_tickets_readable_and_deactivating_hides_it_from_new_tickets(Db db)
    {
        var app = await apps.Get(db);
        var type = await AdminKit.VisitTypeAsync(app);
        var customer = await app.CreateUserAsync();
        using (var c = await app.ApiAsync(customer))
        {
            var opened = await c.PostAsJsonAsync("/api/v1/tickets", new
            {
                requestTypeId = type.Id, subject = "Kunjungan rak baru", description = "Pemasangan rak.",
                fields = new { window = "2026-12-01T08:00/2026-12-01T10:00", visitors = AdminKit.Visitors(1) },
            });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }
        var code = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.RequestTypeId == type.Id).Select(t => t.Code).SingleAsync());
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        // The window becomes plain text and the list loses a column: the stored values stay on the ticket.
        var put = await api.PutAsJsonAsync($"/api/v1/helpdesk/admin/request-types/{type.Id}", new
        {
            nameId = type.NameId, nameEn = type.NameEn, isActive = false, defaultPriority = "Normal",
            fields = new object[]
            {
                new { key = "window", labelId = "Jadwal", labelEn = "Window", kind = "Text" },
                new { key = "visitors", labelId = "Pengunjung", labelEn = "Visitors", kind = "List", items = new object[] { new { key = "name", labelId = "Nama", labelEn = "Name", kind = "Text" } } },
            },
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var page = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2026-12-01T08:00/2026-12-01T10:00", page.Text);
        Assert.Contains("3171234567890001", page.Text); // the removed ID-number column is still shown
        using var c2 = await app.ApiAsync(customer);
        var types = await c2.GetStringAsync("/api/v1/helpdesk/request-types");
        Assert.DoesNotContain(type.Id.ToString(), types);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_creates_a_type_on_the_page_with_a_list_field_built_with_the_editor_buttons(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var pages = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        var form = new Dictionary<string, string>
        {
            ["Input.NameId"] = "Kunjungan " + tag, ["Input.NameEn"] = "Visit " + tag, ["Input.DefaultPriority"] = "Normal", ["Input.SortOrder"] = "10",
            ["Input.IsActive"] = "true",
        };

        var added = await pages.PostFormAsync("/helpdesk/admin/request-types/new", new(form) { ["op"] = "add-field" });
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains("name=\"Input.Fields[0].Key\"", added.Html);
        form["Input.Fields[0].Key"] = "visitors";
        form["Input.Fields[0].Kind"] = "List";
        form["Input.Fields[0].LabelId"] = "Pengunjung";
        form["Input.Fields[0].LabelEn"] = "Visitors";
        var withColumn = await pages.PostFormAsync("/helpdesk/admin/request-types/new", new(form) { ["op"] = "add-item:0" });
        Assert.Contains("name=\"Input.Fields[0].Items[0].Key\"", withColumn.Html);

        // Saving without the column's key says so next to it.
        var invalid = await pages.PostFormAsync("/helpdesk/admin/request-types/new", new(form) { ["op"] = "save", ["Input.Fields[0].Items[0].Kind"] = "Text" });
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains(Id(app, "Enter a key."), invalid.Text);
        Assert.False(await app.WithDbAsync(d => d.Set<RequestType>().AnyAsync(t => t.NameEn == "Visit " + tag)));

        form["Input.Fields[0].Items[0].Key"] = "name";
        form["Input.Fields[0].Items[0].Kind"] = "Text";
        form["Input.Fields[0].Items[0].LabelId"] = "Nama";
        form["Input.Fields[0].Items[0].LabelEn"] = "Name";
        var saved = await pages.PostFormAsync("/helpdesk/admin/request-types/new", new(form) { ["op"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var type = await app.WithDbAsync(d => d.Set<RequestType>().AsNoTracking().SingleAsync(t => t.NameEn == "Visit " + tag));
        Assert.Equal(FieldKind.List, type.Fields.Single().Kind);
        Assert.Equal("name", type.Fields.Single().Items!.Single().Key);
        var list = await pages.FollowAsync(saved);
        Assert.Contains("Kunjungan " + tag, list.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Agents_supervisors_and_customers_are_refused_on_the_page_and_the_API(Db db)
    {
        var app = await apps.Get(db);
        foreach (var role in new[] { Roles.Agent, Roles.Supervisor, Roles.Customer })
        {
            var user = await app.CreateUserAsync(role);
            using var api = await app.ApiAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/helpdesk/admin/request-types")).StatusCode);
            var post = await api.PostAsJsonAsync("/api/v1/helpdesk/admin/request-types", Body(Guid.NewGuid().ToString("N")[..6], []));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

            var pages = await app.SignInAsync(user);
            var page = await pages.GetAsync("/helpdesk/admin/request-types");
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/access-denied", new Uri(app.BaseAddress, page.Location).PathAndQuery);
        }
    }
}
