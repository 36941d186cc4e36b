using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Portal;

/// <summary>A help desk of the test's own: a team with one agent and a request type whose form has every kind of field.</summary>
internal sealed record Desk(Guid TeamId, string TeamName, TestUser Agent, Guid TypeId, string TypeName);

internal static class PortalKit
{
    public static async Task<Desk> CreateDeskAsync(LapakApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var agent = await app.CreateUserAsync(Roles.Agent);
        var team = new Team { Name = $"Meter desk {tag}", CreatedAt = DateTime.UtcNow };
        var type = new RequestType
        {
            NameId = $"Tagihan listrik {tag}", NameEn = $"Electricity bill {tag}", DefaultTeamId = team.Id, SortOrder = 50, CreatedAt = DateTime.UtcNow,
            DescriptionId = "Tagihan terlalu besar atau salah catat meter.", DescriptionEn = "A bill that is too high or a misread meter.",
            Fields =
            [
                new("meter", "Nomor meter", "Meter number", FieldKind.Text, Required: true, MaxLength: 20),
                new("amount", "Jumlah tagihan", "Bill amount", FieldKind.Number, Required: true),
                new("since", "Sejak tanggal", "Since", FieldKind.Date),
                new("tariff", "Golongan tarif", "Tariff", FieldKind.Choice, Required: true, Options: ["R1", "R2", "B1"]),
                new("note", "Catatan", "Note", FieldKind.LongText),
            ],
        };
        await app.WithDbAsync(async db =>
        {
            db.Add(team);
            db.Add(new TeamMember { TeamId = team.Id, UserId = agent.Id });
            db.Add(type);
            return await db.SaveChangesAsync();
        });
        return new Desk(team.Id, team.Name, agent, type.Id, type.NameId);
    }

    /// <summary>The new-ticket form as a person fills it for the desk's type; <paramref name="change"/> adjusts it.</summary>
    public static Dictionary<string, string> Form(Desk desk, string subject = "Tagihan bulan ini naik tiga kali lipat",
        Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["RequestTypeId"] = desk.TypeId.ToString(),
            ["Subject"] = subject,
            ["Description"] = "Biasanya Rp 300.000, bulan ini Rp 912.500. Meter di rumah menunjukkan 04512.",
            ["Fields[meter]"] = "5400-1234-77",
            ["Fields[amount]"] = "912500.50",
            ["Fields[since]"] = "2026-11-01",
            ["Fields[tariff]"] = "R1",
            ["Fields[note]"] = "Rumah kosong minggu lalu.",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>Opens a ticket through the page and returns its code (from where the page leads).</summary>
    public static async Task<string> OpenAsync(PageClient pages, Dictionary<string, string> form)
    {
        var sent = await pages.PostFormAsync("/helpdesk/new", form);
        Assert.True(sent.Status == System.Net.HttpStatusCode.Redirect, sent.ToString());
        Assert.StartsWith("/helpdesk/tickets/", sent.Location);
        await pages.FollowAsync(sent); // as a browser does; this also shows (and uses up) the flash
        return sent.Location!["/helpdesk/tickets/".Length..];
    }

    public static Task<List<Ticket>> TicketsOfAsync(LapakApp app, Guid customerId) =>
        app.WithDbAsync(db => db.Set<Ticket>().AsNoTracking().Where(t => t.CustomerId == customerId).ToListAsync());
}
