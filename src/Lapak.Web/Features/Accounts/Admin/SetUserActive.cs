using System.Security.Claims;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// Deactivates or reactivates an account. A deactivated user cannot sign in, and the new security stamp
/// ends the sessions and tokens they already have. Nobody deactivates themselves or the last active admin.
/// </summary>
public static class SetUserActive
{
    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, AdminUserQueries queries, ActivityLog activity, LapakText text)
    {
        public async Task<Outcome> HandleAsync(ClaimsPrincipal admin, Guid userId, bool active)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Outcome.NotFound();
            if (user.IsActive == active) return Outcome.Done(user.Id);

            if (!active)
            {
                if (admin.UserId() == user.Id) return Outcome.Conflict(text.Get("You cannot deactivate your own account."));
                if (await users.IsInRoleAsync(user, Roles.Admin) && await queries.ActiveAdminCountAsync() <= 1)
                    return Outcome.Conflict(text.Get("This is the last active admin and cannot be deactivated."));
            }

            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                user.IsActive = active;
                activity.Record(active ? "account.reactivated" : "account.deactivated", "user", user.Id.ToString(), detail: user.Email);
                var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
                if (!result.Succeeded) return Outcome.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
                if (!active && await queries.ActiveAdminCountAsync() == 0)
                    return Outcome.Conflict(text.Get("This is the last active admin and cannot be deactivated."));
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
