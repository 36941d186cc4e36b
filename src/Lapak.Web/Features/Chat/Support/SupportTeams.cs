using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// The teams that take support chats: every team. One without agents still accepts a chat, which waits in its
/// queue until someone joins the team (or a supervisor picks it up).
/// </summary>
public sealed class SupportTeams(LapakDbContext db)
{
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AllAsync(CancellationToken ct = default)
    {
        var teams = await db.Set<Accounts.Team>().AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return [.. teams.Select(t => (t.Id, t.Name))];
    }
}
