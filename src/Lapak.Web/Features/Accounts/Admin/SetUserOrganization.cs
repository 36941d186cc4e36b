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
        public async Task<Outcome> HandleAsync(Guid userId, Guid? organizationId)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Outcome.NotFound();
            if (user.OrganizationId == organizationId) return Outcome.Done(user.Id);

            var names = await db.Set<Organization>()
                .Where(o => o.Id == organizationId || o.Id == user.OrganizationId)
                .ToDictionaryAsync(o => o.Id, o => o.Name);
            if (organizationId is { } id && !names.ContainsKey(id))
                return Outcome.Invalid("OrganizationId", text.Get("This organization does not exist."));

            var before = user.OrganizationId is { } old ? names.GetValueOrDefault(old, "–") : "–";
            var after = organizationId is { } now ? names[now] : "–";
            user.OrganizationId = organizationId;
            activity.Record("account.organization_changed", "user", user.Id.ToString(), detail: $"{before} → {after}");
            var result = await users.UpdateAsync(user); // saves the entry with the change
            return result.Succeeded ? Outcome.Done(user.Id) : Outcome.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
