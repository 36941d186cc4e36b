using System.Net;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Permits.PermitKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>A work-permit request is checked before the ticket exists: branch, window in the branch's hours, visitors' ID numbers.</summary>
[Collection(Apps.Name)]
public sealed class PermitRequestRulesTests(Apps apps)
{
    private static JsonElement Errors(string body) => JsonDocument.Parse(body).RootElement.GetProperty("errors");

    [Theory, ClassData(typeof(Databases))]
    public async Task A_request_within_the_branch_hours_opens_a_ticket_of_that_branch_showing_its_name_and_zone(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app, "Asia/Makassar");
        var customer = await app.CreateUserAsync();

        var (response, body) = await OpenAsync(app, customer, Request(await PermitTypeAsync(app), branch, Window(WorkingDay(), "09:00", "12:00"),
            new[] { new { name = "Budi Santoso", company = VisitorCompany, id_number = "3171 2345 6789 3456" } }));

        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
        var ticket = await TicketAsync(app, code);
        Assert.Equal(branch.Id, ticket.BranchId);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson)!;
        Assert.Equal(branch.Code, fields["branch"]);
        Assert.Contains(FullId, fields["visitors"]); // typed with spaces, stored as the plain number
        var page = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(branch.Name + ", Bekasi", page.Text);
        Assert.Contains("09.00 – 12.00 WITA", page.Text); // the window is the branch's local time
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_window_in_the_past_is_refused_on_the_window_field_and_no_ticket_is_written(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);

        var (response, body) = await OpenAsync(app, customer, Request(await PermitTypeAsync(app), branch, Window(yesterday, "09:00", "10:00")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Id(app, "The visit window has already begun. Choose a time that is still ahead."),
            Errors(body).GetProperty("fields[visit_window]")[0].GetString());
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_window_at_night_is_refused_naming_the_branch_hours(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app, "Asia/Makassar");
        var customer = await app.CreateUserAsync();

        var (response, body) = await OpenAsync(app, customer, Request(await PermitTypeAsync(app), branch, Window(WorkingDay(), "22:00", "23:00")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Errors(body).GetProperty("fields[visit_window]")[0].GetString()!;
        Assert.Contains("08:00–17:00 WITA", message);
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_window_over_closing_time_or_on_a_holiday_is_refused(Db db)
    {
        var app = await apps.Get(db);
        var day = WorkingDay(21);
        var branch = await BranchAsync(app, holidays: day);
        var customer = await app.CreateUserAsync();
        var type = await PermitTypeAsync(app);

        var (holiday, holidayBody) = await OpenAsync(app, customer, Request(type, branch, Window(day, "09:00", "11:00")));
        var (late, lateBody) = await OpenAsync(app, customer, Request(type, branch, Window(WorkingDay(), "16:00", "18:00")));

        Assert.Equal(HttpStatusCode.BadRequest, holiday.StatusCode);
        Assert.Contains("(Libur uji)", Errors(holidayBody).GetProperty("fields[visit_window]")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.StartsWith(Id(app, "The visit must fall within the branch's working hours: {0}.").Split("{0}")[0],
            Errors(lateBody).GetProperty("fields[visit_window]")[0].GetString());
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_visitor_without_an_ID_number_or_with_a_malformed_one_is_refused_on_that_row(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();

        var (response, body) = await OpenAsync(app, customer, Request(await PermitTypeAsync(app), branch, Window(WorkingDay(), "09:00", "12:00"), new object[]
        {
            new { name = "Budi Santoso", company = VisitorCompany, id_number = FullId },
            new { name = "Rina Wati", company = VisitorCompany, id_number = "" },
            new { name = "Joko", company = VisitorCompany, id_number = "12345" },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(body);
        Assert.True(errors.TryGetProperty("fields[visitors][1].id_number", out _), body);
        Assert.Contains("NIK", errors.GetProperty("fields[visitors][2].id_number")[0].GetString());
        Assert.False(errors.TryGetProperty("fields[visitors][0].id_number", out _), body);
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_branch_code_that_names_no_branch_is_refused(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var ghost = new Lapak.Web.Features.Accounts.Branch { Code = "NOPE" + Guid.NewGuid().ToString("N")[..4], Name = "x", Address = "x" };

        var (response, body) = await OpenAsync(app, customer, Request(await PermitTypeAsync(app), ghost, Window(WorkingDay(), "09:00", "12:00")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Id(app, "Choose one of the branches."), Errors(body).GetProperty("fields[branch]")[0].GetString());
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_portal_form_offers_the_branches_and_shows_the_window_and_ID_problems_beside_their_fields(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var type = await PermitTypeAsync(app);
        var pages = await app.SignInAsync(customer);

        var form = await pages.GetAsync($"/helpdesk/new?type={type}");
        Assert.Contains($"<option value=\"{branch.Code}\">{branch.Name}, Bekasi</option>", form.Html);

        var result = await pages.PostFormAsync("/helpdesk/new", new()
        {
            ["RequestTypeId"] = type.ToString(), ["Subject"] = "Izin kerja rak A-12", ["Description"] = "Penggantian PSU.",
            ["Fields[branch]"] = branch.Code, ["Fields[purpose]"] = "Penggantian PSU",
            ["Parts.visit_window.start"] = WorkingDay().ToString("yyyy-MM-dd") + "T20:00", ["Parts.visit_window.end"] = WorkingDay().ToString("yyyy-MM-dd") + "T21:00",
            ["Parts.visitors.0.name"] = "Budi Santoso", ["Parts.visitors.0.company"] = VisitorCompany, ["Parts.visitors.0.id_number"] = "",
        }, $"/helpdesk/new?type={type}");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(Id(app, "The visit must fall within the branch's working hours: {0}.").Split("{0}")[0], result.Text);
        Assert.Contains("08:00–17:00 WIB", result.Text);
        Assert.Contains(string.Format(Id(app, "Fill in {0}."), "Nomor KTP / paspor"), result.Text);
        Assert.Equal(0, await TicketCountAsync(app, customer));
    }
}
