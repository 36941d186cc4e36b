using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>A user picked by exact e-mail address, or the candidates a name/e-mail/phone search found.</summary>
public sealed record PickResult(Guid? UserId, IReadOnlyList<AdminUserView> Candidates);

/// <summary>How the team, branch and organization pages let an admin choose a user without a script.</summary>
public sealed class UserPicker(LapakDbContext db, AdminUserQueries queries)
{
    public const int MaxCandidates = 10;

    public async Task<PickResult> FindAsync(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new PickResult(null, []);
        var normalized = text.Trim().ToUpperInvariant();
        var exact = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        if (exact is not null) return new PickResult(exact, []);
        var found = await AdminUserQueries.Search(db.Users.AsNoTracking(), text)
            .OrderBy(u => u.FullName).ThenBy(u => u.NormalizedEmail).Take(MaxCandidates).ToListAsync();
        return new PickResult(null, await queries.ViewsAsync(found));
    }
}
