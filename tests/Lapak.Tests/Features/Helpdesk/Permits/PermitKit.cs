using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>
/// Arrange steps for work permits: a branch of the test's own with its own calendar (so no other test's calendars or
/// holidays matter), its supervisor, and permits written straight into the database as the approval would write them.
/// </summary>
public static class PermitKit
{
    public const string FullId = "3171234567893456";
    public const string MaskedId = "************3456";
    public const string Company = "PT Kalapa Digital Nusantara";
    public const string VisitorCompany = "PT Rak Server Abadi";

    public static async Task<Branch> BranchAsync(LapakApp app, string timeZone = "Asia/Jakarta", params DateOnly[] holidays)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var branch = new Branch
        {
            Code = "T" + tag.ToUpperInvariant(), Name = "Data Center Uji " + tag, City = "Bekasi",
            Address = "Jl. Raya Cibitung No. 8, Kabupaten Bekasi", TimeZone = timeZone, CreatedAt = DateTime.UtcNow,
        };
        var calendar = new BusinessCalendar
        {
            Name = "Kalender " + tag, TimeZone = timeZone, BranchId = branch.Id, Week = BusinessCalendar.OfficeWeek(),
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            Holidays = [.. holidays.Select(d => new BusinessHoliday { StartDate = d, EndDate = d, Name = "Libur uji" })],
        };
        await app.WithDbAsync(d =>
        {
            d.Add(branch);
            d.Add(calendar);
            return d.SaveChangesAsync();
        });
        return branch;
    }

    public static async Task<TestUser> SupervisorOfAsync(LapakApp app, Branch branch)
    {
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        await app.WithDbAsync(d =>
        {
            d.Add(new BranchMember { BranchId = branch.Id, UserId = supervisor.Id, IsSupervisor = true });
            return d.SaveChangesAsync();
        });
        return supervisor;
    }

    public static Task<Guid> PermitTypeAsync(LapakApp app) =>
        app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.NameEn == "Data center work permit").Select(t => t.Id).SingleAsync());

    public static Task SetLanguageAsync(LapakApp app, TestUser user, string language) =>
        app.WithDbAsync(async d =>
        {
            (await d.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage = language;
            return await d.SaveChangesAsync();
        });

    /// <summary>A weekday at least <paramref name="daysAhead"/> days from now (in WIB): a working day of the office week.</summary>
    public static DateOnly WorkingDay(int daysAhead = 14)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    public static string Window(DateOnly day, string from, string to) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{from}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{to}";

    public static object Request(Guid type, Branch branch, string window, object? visitors = null) => new
    {
        requestTypeId = type,
        subject = "Izin kerja pemeliharaan rak " + Guid.NewGuid().ToString("N")[..6],
        description = "Penggantian PSU pada rak A-12.",
        fields = new Dictionary<string, object>
        {
            ["branch"] = branch.Code,
            ["visit_window"] = window,
            ["purpose"] = "Penggantian PSU rak A-12",
            ["equipment"] = "Obeng, laptop, 2 unit PSU",
            ["visitors"] = visitors ?? new[] { new { name = "Budi Santoso", company = VisitorCompany, id_number = FullId } },
        },
    };

    public static async Task<(HttpResponseMessage Response, string Body)> OpenAsync(LapakApp app, TestUser customer, object request)
    {
        using var api = await app.ApiAsync(customer);
        var response = await api.PostAsJsonAsync("/api/v1/tickets", request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static Task<int> TicketCountAsync(LapakApp app, TestUser customer) =>
        app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == customer.Id));

    /// <summary>A ticket of <paramref name="customer"/> with a permit for <paramref name="branch"/>, as the approval leaves it.</summary>
    public static async Task<(string TicketCode, Permit Permit)> IssueAsync(LapakApp app, TestUser customer, Branch branch,
        DateTime startUtc, DateTime endUtc, bool revoked = false, string approver = "Siti Supervisor")
    {
        var code = await WorkspaceKit.OpenTicketAsync(app, customer);
        var ticket = await WorkspaceKit.TicketAsync(app, code);
        var permit = new Permit
        {
            TicketId = ticket.Id, Code = "P" + Guid.NewGuid().ToString("N"), BranchId = branch.Id, BranchName = branch.Name,
            BranchAddress = branch.Address, BranchTimeZone = branch.TimeZone, WindowStartUtc = startUtc, WindowEndUtc = endUtc,
            CustomerName = customer.FullName, CompanyName = Company, Purpose = "Penggantian PSU rak A-12", Equipment = "Obeng, laptop",
            VisitorsJson = JsonSerializer.Serialize(new[] { new PermitVisitor("Budi Santoso", VisitorCompany, MaskedId), new PermitVisitor("Rina Wati", VisitorCompany, "************7788") },
                new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            ApprovedByName = approver, ApprovedAt = DateTime.UtcNow.AddHours(-1),
            RevokedAt = revoked ? DateTime.UtcNow.AddMinutes(-5) : null, RevokedByName = revoked ? approver : null,
            RevokeReason = revoked ? "Kunjungan dibatalkan" : null,
        };
        await app.WithDbAsync(d =>
        {
            d.Add(permit);
            return d.SaveChangesAsync();
        });
        return (code, permit);
    }

    public static async Task<byte[]> PdfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
