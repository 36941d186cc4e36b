using System.Security.Claims;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// Grants and revokes roles (a user may hold several). Nobody removes their own Admin role, and the
/// last active admin keeps it, so Lapak can never be left without an administrator. The user is told,
/// and the activity log keeps the roles before and after.
/// </summary>
public static class ChangeUserRoles
{
    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, AdminUserQueries queries, Notifier notifier,
        ActivityLog activity, LapakText text)
    {
        public Task<Outcome> GrantAsync(ClaimsPrincipal admin, Guid userId, string role) =>
            ChangeAsync(admin, userId, current => [.. current, role]);

        public Task<Outcome> RevokeAsync(ClaimsPrincipal admin, Guid userId, string role) =>
            ChangeAsync(admin, userId, current => current.Where(r => !string.Equals(r, role, StringComparison.OrdinalIgnoreCase)).ToList(),
                mustHold: role);

        /// <summary>Replaces the user's roles with <paramref name="roles"/> (the details page's checkboxes).</summary>
        public Task<Outcome> SetAsync(ClaimsPrincipal admin, Guid userId, IEnumerable<string> roles) =>
            ChangeAsync(admin, userId, _ => roles.ToList());

        private async Task<Outcome> ChangeAsync(ClaimsPrincipal admin, Guid userId, Func<IList<string>, List<string>> change,
            string? mustHold = null)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Outcome.NotFound();
            var before = (await users.GetRolesAsync(user)).OrderBy(AdminUserQueries.RoleOrder).ToList();

            var after = new List<string>();
            foreach (var r in change(before).Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                var known = Roles.All.FirstOrDefault(x => string.Equals(x, r.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null) return Outcome.Invalid("role", string.Format(text.Get("There is no role called {0}."), r));
                if (!after.Contains(known)) after.Add(known);
            }
            if (mustHold is not null && !Roles.All.Contains(mustHold, StringComparer.OrdinalIgnoreCase))
                return Outcome.Invalid("role", string.Format(text.Get("There is no role called {0}."), mustHold));
            after = after.OrderBy(AdminUserQueries.RoleOrder).ToList();
            var added = after.Except(before).ToList();
            var removed = before.Except(after).ToList();
            if (added.Count == 0 && removed.Count == 0) return Outcome.Done(user.Id);

            if (removed.Contains(Roles.Admin))
            {
                if (admin.UserId() == user.Id) return Outcome.Conflict(text.Get("You cannot remove your own Admin role."));
                if (user.IsActive && await queries.ActiveAdminCountAsync() <= 1)
                    return Outcome.Conflict(text.Get("This is the last active admin; make someone else an admin first."));
            }
            if (after.Count == 0) return Outcome.Invalid("roles", text.Get("A user needs at least one role."));

            // Serializable: two admins demoting each other at the same moment cannot both succeed; the loser gets a conflict.
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                var result = added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success;
                if (result.Succeeded && removed.Count > 0) result = await users.RemoveFromRolesAsync(user, removed);
                if (!result.Succeeded) return Outcome.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));

                // Checked again inside the transaction: two admins demoting each other at once must not both succeed.
                if (removed.Contains(Roles.Admin) && await queries.ActiveAdminCountAsync() == 0)
                    return Outcome.Conflict(text.Get("This is the last active admin; make someone else an admin first."));

                notifier.Notify(user, AccountMail.RolesChanged,
                    new { roles = string.Join(", ", after.Select(r => text.Get(r, user.PreferredLanguage))) }, "/profile");
                activity.Record("account.roles_changed", "user", user.Id.ToString(),
                    detail: $"{string.Join(", ", before)} → {string.Join(", ", after)}");
                // New roles reach the user's sessions at their next security check, within a minute.
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            catch (Exception e) when (ConcurrencyConflicts.IsConflict(e))
            {
                return Outcome.Conflict(text.Get("Someone else changed this at the same time. Reload and try again."));
            }
            return Outcome.Done(user.Id);
        }
    }
}
