using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Infrastructure.Startup;

/// <summary>One account per role, a government-unit organization, the data-center branches of seed 002 and a support team.</summary>
public static class DemoData
{
    public static readonly (string Email, string Name, string Role, string Phone)[] Accounts =
    [
        ("customer@lapak.test", "Budi Santoso", Roles.Customer, "081234567801"),
        ("seller@lapak.test", "Siti Rahmawati", Roles.Seller, "081234567802"),
        ("agent@lapak.test", "Agus Pratama", Roles.Agent, "081234567803"),
        ("supervisor@lapak.test", "Dewi Lestari", Roles.Supervisor, "081234567804"),
        ("admin@lapak.test", "Rina Wijaya", Roles.Admin, "081234567805"),
    ];

    public static readonly (string Code, string Name, string City, string Address)[] Branches =
    [
        ("CBT", "Data Center Cibitung", "Kabupaten Bekasi", "Kawasan Industri MM2100, Cibitung, Kabupaten Bekasi, Jawa Barat"),
        ("BDG", "Data Center Bandung", "Bandung", "Jl. Soekarno-Hatta No. 590, Bandung, Jawa Barat"),
        ("PKU", "Data Center Pekanbaru", "Pekanbaru", "Jl. Jenderal Sudirman No. 123, Pekanbaru, Riau"),
        ("SBY", "Data Center Surabaya", "Surabaya", "Jl. Rungkut Industri Raya No. 10, Surabaya, Jawa Timur"),
        ("BTR", "Data Center Bintaro", "Tangerang Selatan", "Jl. Boulevard Bintaro Jaya Sektor 7, Tangerang Selatan, Banten"),
    ];

    public static async Task SeedAsync(IServiceProvider sp, string password)
    {
        var db = sp.GetRequiredService<LapakDbContext>();
        var users = sp.GetRequiredService<UserManager<LapakUser>>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var bekasi = new Organization { Name = "Dinas Pendidikan Kota Bekasi", Kind = OrganizationKind.GovernmentUnit,
            Address = "Jl. Ir. H. Juanda No. 100, Bekasi Timur, Kota Bekasi, Jawa Barat", CreatedAt = now };
        db.Add(bekasi);
        var branches = Branches.Select(b => new Branch { Code = b.Code, Name = b.Name, City = b.City, Address = b.Address, CreatedAt = now }).ToList();
        db.AddRange(branches);
        var support = new Team { Name = "Customer Service", Description = "Layanan pelanggan: tiket, chat dukungan, izin kerja data center.", CreatedAt = now };
        db.Add(support);
        await db.SaveChangesAsync();

        var created = new Dictionary<string, LapakUser>();
        foreach (var (email, name, role, phone) in Accounts)
        {
            var user = new LapakUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = name, PhoneNumber = phone,
                CreatedAt = now, OrganizationId = role == Roles.Customer ? bekasi.Id : null,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
            created[role] = user;
        }
        // Staff can also buy; the admin may work tickets too.
        await users.AddToRoleAsync(created[Roles.Admin], Roles.Agent);

        var bintaro = branches.Single(b => b.Code == "BTR");
        db.AddRange(
            new TeamMember { TeamId = support.Id, UserId = created[Roles.Agent].Id },
            new TeamMember { TeamId = support.Id, UserId = created[Roles.Supervisor].Id, IsSupervisor = true },
            new BranchMember { BranchId = bintaro.Id, UserId = created[Roles.Supervisor].Id, IsSupervisor = true },
            new BranchMember { BranchId = bintaro.Id, UserId = created[Roles.Agent].Id });
        await db.SaveChangesAsync();

        foreach (var seeder in sp.GetServices<IDemoDataSeeder>()) await seeder.SeedAsync();
    }

    public static string Banner(string password) =>
        "\nLapak demo accounts (password: " + password + ")\n" +
        string.Join("\n", Accounts.Select(a => $"  {a.Role,-11} {a.Email}")) + "\n";
}
