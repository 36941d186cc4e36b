using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Seed 001's fibre cut in Bekasi, resolved two days before the demo starts: <c>/status</c> then shows what a finished
/// incident looks like (its timeline and technician) while "all services are running normally" stays true.
/// </summary>
public sealed class IncidentDemoData(LapakDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<Incident>().AnyAsync(ct)) return;
        var technician = await db.Users.Where(u => u.Email == "agent@lapak.test").Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        if (technician is null) return;
        var resolved = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        var started = resolved.AddHours(-5);
        var incident = new Incident
        {
            Title = "Gangguan jaringan fiber optik di Bekasi Timur", Area = "Kota Bekasi", Impact = IncidentImpact.Major,
            State = IncidentState.Resolved, TechnicianId = technician.Id, CreatedById = technician.Id,
            CreatedAt = started, UpdatedAt = resolved, ResolvedAt = resolved,
        };
        (TimeSpan After, IncidentState State, string Message)[] timeline =
        [
            (TimeSpan.Zero, IncidentState.Investigating, "Pelanggan di Bekasi Timur melaporkan internet putus. Tim kami sedang memeriksa."),
            (TimeSpan.FromMinutes(50), IncidentState.Identified, "Kabel fiber optik utama terputus akibat galian saluran air di Jl. Ir. H. Juanda. Teknisi menuju lokasi."),
            (TimeSpan.FromHours(4), IncidentState.Monitoring, "Kabel sudah disambung ulang. Koneksi berangsur pulih; kami memantau kestabilannya."),
            (TimeSpan.FromHours(5), IncidentState.Resolved, "Layanan kembali normal untuk semua pelanggan di area terdampak. Mohon maaf atas ketidaknyamanannya."),
        ];
        incident.Updates = [.. timeline.Select(u => new IncidentUpdate
        {
            IncidentId = incident.Id, At = started + u.After, State = u.State, Message = u.Message,
            AuthorId = technician.Id, AuthorName = technician.FullName,
        })];
        db.Add(incident);
        await db.SaveChangesAsync(ct);
    }
}
