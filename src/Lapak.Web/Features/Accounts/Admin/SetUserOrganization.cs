using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// Puts a user in an organization (a buyer acting for "Dinas Pendidikan Kota Bekasi", say), moves them
/// to another, or takes them out. A user belongs to at most one organization.
/// </summary>
public static class SetUserOrganization
{
    public sealed class Handler(Infrastructure.Data.LapakDbContext db, UserManager<LapakUser> users, ActivityLog activity, LapakText text)
    {
        /// <summary>
        /// <paramref name="manager"/> (null: unchanged) makes the user their organization's manager, who sees every ticket
        /// of the organization; leaving or changing the organization ends it unless set again.
        /// </summary>
        public async Task<Outcome> HandleAsync(Guid userId, Guid? organizationId, bool? manager = null)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Outcome.NotFound();
            var managerAfter = organizationId is not null && (manager ?? (user.IsOrganizationManager && user.OrganizationId == organizationId));
            if (user.OrganizationId == organizationId && user.IsOrganizationManager == managerAfter) return Outcome.Done(user.Id);

            var names = await db.Set<Organization>()
                .Where(o => o.Id == organizationId || o.Id == user.OrganizationId)
                .ToDictionaryAsync(o => o.Id, o => o.Name);
            if (organizationId is { } id && !names.ContainsKey(id))
                return Outcome.Invalid("OrganizationId", text.Get("This organization does not exist."));

            var before = user.OrganizationId is { } old ? names.GetValueOrDefault(old, "–") : "–";
            var after = organizationId is { } now ? names[now] : "–";
            if (user.OrganizationId != organizationId)
                activity.Record("account.organization_changed", "user", user.Id.ToString(), detail: $"{before} → {after}");
            if (user.IsOrganizationManager != managerAfter)
                activity.Record(managerAfter ? "account.organization_manager_set" : "account.organization_manager_unset", "user", user.Id.ToString(),
                    detail: managerAfter ? after : before);
            user.OrganizationId = organizationId;
            user.IsOrganizationManager = managerAfter;
            var result = await users.UpdateAsync(user); // saves the entry with the change
            return result.Succeeded ? Outcome.Done(user.Id) : Outcome.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
