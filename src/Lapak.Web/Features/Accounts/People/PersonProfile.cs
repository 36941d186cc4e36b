using Lapak.Web.Features.Chat.Analytics;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.People;

/// <summary>What anyone signed in may see of an active user: name, photo, since when, seller/support badges and how they answer chats.</summary>
public sealed record PersonView(
    Guid Id, string Name, string? AvatarUrl, DateTime MemberSince, bool IsSeller, bool IsSupport,
    int? ReplyMedianSeconds, string? ReplyBand, string? ReplyText, int? ResponseRatePercent, int ResponseRateConversations);

public sealed class PersonProfile(LapakDbContext db, ChatAnalytics analytics, LapakText text)
{
    /// <summary>The profile, or null for an unknown or deactivated user.</summary>
    public async Task<PersonView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive)
            .Select(u => new { u.Id, u.FullName, u.AvatarPath, u.CreatedAt }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync(ct);
        var figures = await analytics.PersonAsync(id, ct);
        var reply = figures.ReplyTime;
        return new PersonView(user.Id, user.FullName, LapakUser.AvatarUrl(user.AvatarPath), user.CreatedAt,
            roles.Contains(Roles.Seller), roles.Contains(Roles.Agent) || roles.Contains(Roles.Supervisor),
            reply is null ? null : (int)Math.Round(reply.MedianSeconds), reply?.Band,
            reply is null ? null : AnalyticsTables.ReplyTimeText(reply.Band, text),
            figures.ResponseRate.Percent, figures.ResponseRate.Conversations);
    }
}
