using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Sends a fresh invitation link to someone who has not set their password yet (the first mail got lost or expired).</summary>
public static class ResendInvitation
{
    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, AccountMail mail, ActivityLog activity, LapakText text)
    {
        public async Task<Outcome> HandleAsync(System.Security.Claims.ClaimsPrincipal admin, Guid userId)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Outcome.NotFound();
            if (user.EmailConfirmed) return Outcome.Conflict(text.Get("This user has already confirmed their e-mail address."));
            if (!user.IsActive) return Outcome.Conflict(text.Get("Reactivate the account before inviting the user again."));
            await mail.QueueInvitationAsync(user, admin.DisplayName());
            activity.Record("account.invitation_resent", "user", user.Id.ToString(), detail: user.Email);
            await db.SaveChangesAsync();
            return Outcome.Done(user.Id);
        }
    }
}
