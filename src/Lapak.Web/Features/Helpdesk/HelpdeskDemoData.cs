using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk;

/// <summary>Request types from the seeds, all received by the Customer Service team.</summary>
public sealed class HelpdeskDemoData(LapakDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<RequestType>().AnyAsync(ct)) return;
        var team = await db.Set<Team>().Where(t => t.Name == "Customer Service").Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(
            new RequestType
            {
                NameId = "Gangguan layanan internet", NameEn = "Internet service outage", SortOrder = 1, DefaultTeamId = team,
                DefaultPriority = TicketPriority.High, CreatedAt = now,
                DescriptionId = "Koneksi putus, lambat, atau tidak stabil.",
                DescriptionEn = "No connection, slow or unstable connection.",
                Fields =
                [
                    new("customer_number", "Nomor pelanggan", "Customer number", FieldKind.Text, Required: true, MaxLength: 30),
                    new("location", "Lokasi / alamat pemasangan", "Location / installation address", FieldKind.LongText, Required: true),
                    new("since", "Sejak tanggal", "Since", FieldKind.Date),
                ],
            },
            new RequestType
            {
                NameId = "Komplain pesanan", NameEn = "Order complaint", SortOrder = 2, DefaultTeamId = team, CreatedAt = now,
                DescriptionId = "Barang tidak sesuai, rusak, atau belum sampai.", DescriptionEn = "Wrong, damaged or missing items.",
                Fields =
                [
                    new("order_number", "Nomor pesanan", "Order number", FieldKind.Text, Required: true, MaxLength: 30),
                    new("problem", "Masalah", "Problem", FieldKind.Choice, Required: true,
                        Options: ["Barang tidak sesuai", "Barang rusak", "Belum sampai", "Lainnya"]),
                ],
            },
            new RequestType
            {
                NameId = "Pertanyaan umum", NameEn = "General question", SortOrder = 3, DefaultTeamId = team,
                DefaultPriority = TicketPriority.Low, CreatedAt = now,
                DescriptionId = "Tanya apa saja tentang akun, layanan, atau tagihan.", DescriptionEn = "Anything about your account, services or bills.",
            },
            Permits.PermitDemoData.WorkPermitType(team, now));
        await db.SaveChangesAsync(ct);
    }
}
