using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class BranchesModel(LapakDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Code, string Name, string City, string TimeZone, int Members, int Teams, string? Supervisor);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Set<Branch>().AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new Row(b.Id, b.Code, b.Name, b.City, b.TimeZone,
                db.Set<BranchMember>().Count(m => m.BranchId == b.Id),
                db.Set<Team>().Count(t => t.BranchId == b.Id),
                (from m in db.Set<BranchMember>() join u in db.Users on m.UserId equals u.Id
                 where m.BranchId == b.Id && m.IsSupervisor select u.FullName).FirstOrDefault()))
            .ToListAsync();
}
