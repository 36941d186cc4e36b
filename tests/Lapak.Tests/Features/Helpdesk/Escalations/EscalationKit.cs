using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Escalations;

/// <summary>A team of its own with a supervisor and an agent, a request type it receives, and its tickets.</summary>
public sealed record TeamSetup(Guid TeamId, string TeamName, Guid RequestTypeId, TestUser Supervisor, TestUser Agent);

/// <summary>A branch with its supervisor.</summary>
public sealed record BranchSetup(Guid BranchId, string Name, TestUser Supervisor);

/// <summary>Arrange steps for the escalation and approval tests. Every test builds its own teams and branches, so the shared apps stay independent.</summary>
public static class EscalationKit
{
    public const string Window = "2027-01-15T08:00/2027-01-15T12:00";

    /// <param name="approval">A "needs approval" type with seed 002's permit fields, like "Izin Kerja Data Center".</param>
    public static async Task<TeamSetup> TeamAsync(LapakApp app, bool approval = false, bool supervisor = true)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var boss = await app.CreateUserAsync(Roles.Supervisor);
        var agent = await app.CreateUserAsync(Roles.Agent);
        var team = new Team { Name = "Tim NOC " + tag, CreatedAt = DateTime.UtcNow };
        var type = new RequestType
        {
            NameId = (approval ? "Izin Kerja Data Center " : "Gangguan jaringan ") + tag, NameEn = (approval ? "Data center work permit " : "Network fault ") + tag,
            DefaultTeamId = team.Id, NeedsApproval = approval, CreatedAt = DateTime.UtcNow,
        };
        if (approval)
            type.Fields =
            [
                new RequestField(PermitRequestFields.VisitWindow, "Jadwal kunjungan", "Visit window", FieldKind.DateTimeWindow, Required: true),
                new RequestField(PermitRequestFields.Purpose, "Keperluan", "Purpose", FieldKind.LongText, Required: true),
                new RequestField(PermitRequestFields.Equipment, "Peralatan", "Equipment", FieldKind.LongText),
                new RequestField(PermitRequestFields.Visitors, "Pengunjung", "Visitors", FieldKind.List, Required: true, Items:
                [
                    new RequestField(PermitRequestFields.VisitorName, "Nama", "Name", FieldKind.Text, Required: true, MaxLength: 100),
                    new RequestField(PermitRequestFields.VisitorCompany, "Perusahaan", "Company", FieldKind.Text, MaxLength: 100),
                    new RequestField(PermitRequestFields.VisitorIdNumber, "Nomor identitas", "ID number", FieldKind.Text, Required: true, MaxLength: 30),
                ]),
            ];
        await app.WithDbAsync(d =>
        {
            d.Add(team);
            d.Add(type);
            d.Add(new TeamMember { TeamId = team.Id, UserId = agent.Id });
            if (supervisor) d.Add(new TeamMember { TeamId = team.Id, UserId = boss.Id, IsSupervisor = true });
            return d.SaveChangesAsync();
        });
        return new TeamSetup(team.Id, team.Name, type.Id, boss, agent);
    }

    public static async Task<BranchSetup> BranchAsync(LapakApp app, string timeZone = "Asia/Makassar")
    {
        var tag = Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var branch = new Branch { Code = "B" + tag, Name = "DC Makassar " + tag, City = "Makassar", Address = "Jl. Urip Sumoharjo 1", TimeZone = timeZone, CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(d =>
        {
            d.Add(branch);
            d.Add(new BranchMember { BranchId = branch.Id, UserId = supervisor.Id, IsSupervisor = true });
            return d.SaveChangesAsync();
        });
        return new BranchSetup(branch.Id, branch.Name, supervisor);
    }

    public static async Task<string> OpenAsync(LapakApp app, TestUser customer, Guid type, object? fields = null)
    {
        using var api = await app.ApiAsync(customer);
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type, subject = "Kunjungan rak " + Guid.NewGuid().ToString("N")[..6], description = "Pemasangan dua server baru di rak A12.",
            fields = fields ?? new { },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>A permit request at <paramref name="branch"/>; the ticket's branch is set directly (the Branch field kind is another part's).</summary>
    public static async Task<string> OpenPermitRequestAsync(LapakApp app, TestUser customer, TeamSetup team, BranchSetup branch)
    {
        var code = await OpenAsync(app, customer, team.RequestTypeId, new Dictionary<string, object>
        {
            [PermitRequestFields.VisitWindow] = Window,
            [PermitRequestFields.Purpose] = "Pemasangan server",
            [PermitRequestFields.Equipment] = "2 server 1U, kabel",
            [PermitRequestFields.Visitors] = new object[]
            {
                new Dictionary<string, string> { ["name"] = "Andi Wijaya", ["company"] = "PT Kalapa", ["id_number"] = "7371012345673456" },
                new Dictionary<string, string> { ["name"] = "Sari Dewi", ["company"] = "PT Kalapa", ["id_number"] = "7371 0198 7654 0001" },
            },
        });
        await app.WithDbAsync(async d =>
        {
            var ticket = await d.Set<Ticket>().SingleAsync(t => t.Code == code);
            ticket.BranchId = branch.BranchId;
            return await d.SaveChangesAsync();
        });
        return code;
    }

    /// <summary>A permit request already escalated to its branch supervisor by the team's agent: awaiting approval.</summary>
    public static async Task<(string Code, TeamSetup Team, BranchSetup Branch, TestUser Customer)> AwaitingApprovalAsync(LapakApp app)
    {
        var team = await TeamAsync(app, approval: true);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenPermitRequestAsync(app, customer, team, branch);
        using var api = await app.ApiAsync(team.Agent);
        var response = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "branchSupervisor", reason = "Data lengkap, mohon persetujuan" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (code, team, branch, customer);
    }

    public static async Task<HttpResponseMessage> DecideAsync(LapakApp app, TestUser user, string code, string decision, string? comment = null)
    {
        using var api = await app.ApiAsync(user);
        return await api.PostAsJsonAsync($"/api/v1/tickets/{code}/approval", new { decision, comment });
    }

    public static Task<List<TicketEvent>> EventsAsync(LapakApp app, string code, TicketEventKind kind) =>
        app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.Kind == kind && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code))
            .OrderBy(e => e.Id).AsNoTracking().ToListAsync());
}
