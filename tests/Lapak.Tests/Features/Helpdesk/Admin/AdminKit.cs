using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Admin;

/// <summary>Arrange steps for the admin, field-kind and filter tests.</summary>
internal static class AdminKit
{
    /// <summary>A type for the Customer Service team with a required visit window and a required visitors list (name, company, ID number).</summary>
    public static async Task<RequestType> VisitTypeAsync(LapakApp app, bool active = true)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var team = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == WorkspaceKit.CustomerService).Select(t => t.Id).SingleAsync());
        var type = new RequestType
        {
            NameId = "Kunjungan DC " + tag, NameEn = "DC visit " + tag, DefaultTeamId = team, CreatedAt = DateTime.UtcNow, IsActive = active,
            Fields =
            [
                new RequestField("window", "Jadwal kunjungan", "Visit window", FieldKind.DateTimeWindow, Required: true),
                new RequestField("visitors", "Pengunjung", "Visitors", FieldKind.List, Required: true, Items:
                [
                    new RequestField("name", "Nama", "Name", FieldKind.Text, Required: true, MaxLength: 100),
                    new RequestField("company", "Perusahaan", "Company", FieldKind.Text, MaxLength: 100),
                    new RequestField("idNumber", "Nomor identitas", "ID number", FieldKind.Text, Required: true, MaxLength: 30),
                ]),
            ],
        };
        await app.WithDbAsync(d =>
        {
            d.Add(type);
            return d.SaveChangesAsync();
        });
        return type;
    }

    public static object[] Visitors(int count) =>
        Enumerable.Range(1, count).Select(i => (object)new { name = $"Tamu {i}", company = "PT Maju", idNumber = $"31712345678900{i:00}" }).ToArray();
}
