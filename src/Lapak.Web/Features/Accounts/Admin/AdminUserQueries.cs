using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>One user as admins see it, in the list, on the details page and in the API.</summary>
public sealed record AdminUserView(
    Guid Id, string FullName, string Email, string? PhoneNumber, string[] Roles, Guid? OrganizationId, string? OrganizationName,
    bool IsActive, bool EmailConfirmed, string PreferredLanguage, DateTime CreatedAt, bool IsOrganizationManager = false);

public sealed record AdminUserPage(IReadOnlyList<AdminUserView> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Active: may sign in. Inactive: deactivated by an admin. Unconfirmed: has not confirmed the e-mail address (or accepted the invitation) yet.</summary>
public enum UserStatus { Any, Active, Inactive, Unconfirmed }

/// <summary>The queries behind the users page and <c>GET /api/v1/admin/users</c>.</summary>
public sealed class AdminUserQueries(LapakDbContext db)
{
    public const int DefaultPageSize = 20;

    public async Task<AdminUserPage> PageAsync(string? q, string? role, UserStatus status, int page, int pageSize = DefaultPageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var users = Search(db.Users.AsNoTracking(), q);

        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleName = Roles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase)) ?? role.Trim();
            var roleIds = db.Roles.Where(r => r.Name == roleName).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        users = status switch
        {
            UserStatus.Active => users.Where(u => u.IsActive),
            UserStatus.Inactive => users.Where(u => !u.IsActive),
            UserStatus.Unconfirmed => users.Where(u => !u.EmailConfirmed),
            _ => users,
        };

        var total = await users.CountAsync();
        var rows = await users.OrderBy(u => u.FullName).ThenBy(u => u.NormalizedEmail)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new AdminUserPage(await ViewsAsync(rows), page, pageSize, total);
    }

    public async Task<AdminUserView?> FindAsync(Guid id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        return user is null ? null : (await ViewsAsync([user]))[0];
    }

    /// <summary>
    /// Name, e-mail or phone, ignoring case the same way on SQLite and PostgreSQL: names are compared
    /// lower-cased, e-mails through Identity's upper-cased normalized column, phones by their digits
    /// (0812… and +62 812… find each other).
    /// </summary>
    public static IQueryable<LapakUser> Search(IQueryable<LapakUser> users, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return users;
        var term = q.Trim();
        var lower = term.ToLowerInvariant();
        var upper = term.ToUpperInvariant();
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        var local = digits.StartsWith("62", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
        var international = digits.StartsWith('0') ? "62" + digits[1..] : digits;
        // Only a query that looks like a phone number searches phones: "Agent 1a2b" must not match 0812-1234-….
        var byPhone = digits.Length >= 4 && term.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
        return users.Where(u =>
            u.FullName.ToLower().Contains(lower) ||
            u.NormalizedEmail!.Contains(upper) ||
            (byPhone && u.PhoneNumber != null &&
             (u.PhoneNumber.Replace(" ", "").Replace("-", "").Contains(local) ||
              u.PhoneNumber.Replace(" ", "").Replace("-", "").Contains(international))));
    }

    public async Task<IReadOnlyList<AdminUserView>> ViewsAsync(IReadOnlyList<LapakUser> users)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var orgIds = users.Where(u => u.OrganizationId != null).Select(u => u.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return users.Select(u => new AdminUserView(
            u.Id, u.FullName, u.Email ?? "", u.PhoneNumber,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(RoleOrder).ToArray(),
            u.OrganizationId, u.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null,
            u.IsActive, u.EmailConfirmed, u.PreferredLanguage, u.CreatedAt, u.IsOrganizationManager)).ToList();
    }

    /// <summary>How many accounts can still administer Lapak; the last one is protected.</summary>
    public Task<int> ActiveAdminCountAsync() =>
        (from u in db.Users
         where u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
         select u.Id).CountAsync();

    /// <summary>Roles in the product's order (Customer … Admin) rather than alphabetically.</summary>
    public static int RoleOrder(string role) => Array.IndexOf(Roles.All, role) is var i and >= 0 ? i : Roles.All.Length;
}
