using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class OrganizationsModel(LapakDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganizationKind Kind, string? Address, int Users);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Address, db.Users.Count(u => u.OrganizationId == o.Id)))
            .ToListAsync();
}
