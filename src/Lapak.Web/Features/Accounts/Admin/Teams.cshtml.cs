using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class TeamsModel(LapakDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Description, string? Branch, int Members, string? Supervisor);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, t.Description,
                db.Set<Branch>().Where(b => b.Id == t.BranchId).Select(b => b.Name).FirstOrDefault(),
                db.Set<TeamMember>().Count(m => m.TeamId == t.Id),
                (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                 where m.TeamId == t.Id && m.IsSupervisor select u.FullName).FirstOrDefault()))
            .ToListAsync();
}
