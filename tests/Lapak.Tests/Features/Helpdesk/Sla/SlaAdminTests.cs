using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>SLA targets and business calendars: admins only, checked before anything is written.</summary>
[Collection(Apps.Name)]
public sealed class SlaAdminTests(Apps apps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static object[] OfficeWeek() => [.. SaveCalendar.Days.Select(d => (object)new
    {
        day = d.ToString(), open = d is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : "08:00", close = d is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : "17:00",
    })];

    private static async Task<Guid> CreateCalendarAsync(HttpClient api, string name, object[]? holidays = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/helpdesk/calendars", new { name, timeZone = "Asia/Jakarta", week = OfficeWeek(), holidays = holidays ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_defaults_are_seeded_with_four_targets_and_the_WIB_calendar_with_2026_and_2027_holidays(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var targets = await api.GetFromJsonAsync<List<SlaTargetView>>("/api/v1/helpdesk/sla/targets", Json);
        Assert.Equal(4, targets!.Count);
        var urgent = targets.Single(t => t.Priority == TicketPriority.Urgent);
        Assert.Equal((30, 240, 10), (urgent.FirstResponseMinutes, urgent.ResolutionMinutes, urgent.WarnBeforeMinutes));

        var calendars = await api.GetFromJsonAsync<List<CalendarView>>("/api/v1/helpdesk/calendars", Json);
        var standard = calendars!.Single(c => c.IsDefault);
        Assert.Equal("Jam kerja (WIB)", standard.Name);
        Assert.Equal("Asia/Jakarta", standard.TimeZone);
        Assert.Contains(standard.Holidays, h => h.StartDate == new DateOnly(2026, 3, 20) && h.EndDate == new DateOnly(2026, 3, 24));
        Assert.Contains(standard.Holidays, h => h.StartDate.Year == 2027);
        Assert.Equal("08:00", standard.Week.Single(d => d.Day == DayOfWeek.Monday).Open);
        Assert.Null(standard.Week.Single(d => d.Day == DayOfWeek.Sunday).Open);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_overlapping_holiday_is_refused_with_the_clashing_entry_named_and_nothing_saved(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await CreateCalendarAsync(api, "Kalender " + tag, [new { startDate = "2026-12-24", endDate = "2026-12-26", name = "Natal kantor" }]);

        var clash = await api.PostAsJsonAsync($"/api/v1/helpdesk/calendars/{id}/holidays", new { startDate = "2026-12-26", endDate = "2026-12-28", name = "Libur akhir tahun" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var problem = await clash.Content.ReadAsStringAsync();
        Assert.Contains("startDate", problem);
        Assert.Contains("Natal kantor", problem);

        // A whole list with two entries overlapping each other: the calendar keeps its name and holidays.
        var replace = await api.PutAsJsonAsync($"/api/v1/helpdesk/calendars/{id}", new
        {
            name = "Diganti " + tag, timeZone = "Asia/Jakarta", week = OfficeWeek(),
            holidays = new object[] { new { startDate = "2027-01-01", endDate = "2027-01-03", name = "Satu" }, new { startDate = "2027-01-03", name = "Dua" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, replace.StatusCode);
        Assert.Contains("Satu", await replace.Content.ReadAsStringAsync());

        var saved = await app.WithDbAsync(d => d.Set<BusinessCalendar>().Include(c => c.Holidays).AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Kalender " + tag, saved.Name);
        Assert.Equal("Natal kantor", Assert.Single(saved.Holidays).Name);

        // Next to it is fine, and a holiday can be removed again.
        var next = await api.PostAsJsonAsync($"/api/v1/helpdesk/calendars/{id}/holidays", new { startDate = "2026-12-27", endDate = "2026-12-28", name = "Libur akhir tahun" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var holidayId = (await next.Content.ReadFromJsonAsync<HolidayView>(Json))!.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/helpdesk/calendars/{id}/holidays/{holidayId}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<BusinessHoliday>().CountAsync(h => h.CalendarId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_holiday_form_shows_the_clash_and_adds_nothing(Db db)
    {
        var app = await apps.Get(db);
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var api = await app.ApiAsync(admin);
        var id = await CreateCalendarAsync(api, "Kalender " + Guid.NewGuid().ToString("N")[..6], [new { startDate = "2027-03-10", endDate = "2027-03-11", name = "Lebaran" }]);
        var pages = await app.SignInAsync(admin);
        var url = $"/helpdesk/admin/calendars/{id}";

        var page = await pages.PostFormAsync(url + "?handler=AddHoliday",
            new() { ["NewHoliday.Name"] = "Cuti bersama", ["NewHoliday.StartDate"] = "2027-03-11", ["NewHoliday.EndDate"] = "2027-03-12" }, formUrl: url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Lebaran", page.Text);
        Assert.Contains(Id(app, "These dates overlap with \"{0}\" ({1}). Change the dates or remove that entry first.").Split('"')[0].Trim(), page.Text);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<BusinessHoliday>().CountAsync(h => h.CalendarId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_targets_and_a_week_without_working_days_are_refused(Db db)
    {
        var app = await apps.Get(db);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var bad = await api.PutAsJsonAsync("/api/v1/helpdesk/sla/targets", new
        {
            targets = new object[]
            {
                new { priority = "Urgent", firstResponseMinutes = 300, resolutionMinutes = 60, warnBeforeMinutes = 10 },
                new { priority = "High", firstResponseMinutes = 0, resolutionMinutes = 480, warnBeforeMinutes = 10 },
                new { priority = "Normal", firstResponseMinutes = 240, resolutionMinutes = 960, warnBeforeMinutes = 60 },
                new { priority = "Low", firstResponseMinutes = 480, resolutionMinutes = 2400, warnBeforeMinutes = 120 },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("targets[0].resolutionMinutes", problem);
        Assert.Contains("targets[1].firstResponseMinutes", problem);
        Assert.Equal(30, await app.WithDbAsync(d => d.Set<SlaTarget>().Where(t => t.Priority == TicketPriority.Urgent).Select(t => t.FirstResponseMinutes).SingleAsync()));

        var closed = SaveCalendar.Days.Select(d => new { day = d.ToString(), open = (string?)null, close = (string?)null });
        var none = await api.PostAsJsonAsync("/api/v1/helpdesk/calendars", new { name = "Tutup " + Guid.NewGuid().ToString("N")[..6], timeZone = "Asia/Jakarta", week = closed });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("\"week\"", await none.Content.ReadAsStringAsync());

        var backwards = SaveCalendar.Days.Select(d => new { day = d.ToString(), open = "17:00", close = "08:00" });
        var wrong = await api.PostAsJsonAsync("/api/v1/helpdesk/calendars", new { name = "Terbalik", timeZone = "Asia/Jakarta", week = backwards });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("week[0].close", await wrong.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(d => d.Set<BusinessCalendar>().AnyAsync(c => c.Name == "Terbalik")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Admins_save_the_targets_on_the_page(Db db)
    {
        var app = await apps.Get(db);
        var pages = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        var form = await pages.GetAsync("/helpdesk/admin/sla");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var fields = new Dictionary<string, string>();
        var order = new[] { TicketPriority.Urgent, TicketPriority.High, TicketPriority.Normal, TicketPriority.Low };
        for (var i = 0; i < order.Length; i++)
        {
            fields[$"Input.Targets[{i}].Priority"] = order[i].ToString();
            fields[$"Input.Targets[{i}].FirstResponseMinutes"] = i == 1 ? "90" : (new[] { 30, 60, 240, 480 })[i].ToString();
            fields[$"Input.Targets[{i}].ResolutionMinutes"] = (new[] { 240, 480, 960, 2400 })[i].ToString();
            fields[$"Input.Targets[{i}].WarnBeforeMinutes"] = (new[] { 10, 15, 60, 120 })[i].ToString();
        }
        var saved = await pages.PostFormAsync("/helpdesk/admin/sla", fields, formUrl: "/helpdesk/admin/sla");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(90, await app.WithDbAsync(d => d.Set<SlaTarget>().Where(t => t.Priority == TicketPriority.High).Select(t => t.FirstResponseMinutes).SingleAsync()));

        // Put the default back: the other tests count on it.
        fields["Input.Targets[1].FirstResponseMinutes"] = "60";
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/helpdesk/admin/sla", fields, formUrl: "/helpdesk/admin/sla")).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Agents_supervisors_and_customers_are_refused_on_the_pages_and_the_API(Db db)
    {
        var app = await apps.Get(db);
        var calendar = await app.WithDbAsync(d => d.Set<BusinessCalendar>().Where(c => c.IsDefault).Select(c => c.Id).SingleAsync());
        foreach (var role in new[] { Roles.Agent, Roles.Supervisor, Roles.Customer })
        {
            var user = await app.CreateUserAsync(role);
            using var api = await app.ApiAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/helpdesk/sla/targets")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/helpdesk/calendars")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await api.PostAsJsonAsync($"/api/v1/helpdesk/calendars/{calendar}/holidays", new { startDate = "2030-01-01", name = "X" })).StatusCode);

            var pages = await app.SignInAsync(user);
            foreach (var url in new[] { "/helpdesk/admin/sla", "/helpdesk/admin/calendars", $"/helpdesk/admin/calendars/{calendar}" })
            {
                var page = await pages.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("/account/access-denied", new Uri(app.BaseAddress, page.Location).PathAndQuery);
            }
        }
        Assert.False(await app.WithDbAsync(d => d.Set<BusinessHoliday>().AnyAsync(h => h.StartDate == new DateOnly(2030, 1, 1))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_SLA_endpoints_are_in_the_OpenAPI_document(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/helpdesk/sla/targets", "/api/v1/helpdesk/calendars", "/api/v1/helpdesk/calendars/{id}",
                     "/api/v1/helpdesk/calendars/{id}/holidays", "/api/v1/helpdesk/calendars/{id}/holidays/{holidayId}" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}
