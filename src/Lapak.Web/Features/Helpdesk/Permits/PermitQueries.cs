using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>A ticket's permit as one who may see the ticket finds it, with whether they may revoke it.</summary>
public sealed record TicketPermit(Permit Permit, string TicketCode, bool CanRevoke);

/// <summary>
/// Finding permits. Through a ticket: only for someone who may see the ticket (<see cref="TicketAccess.Visible"/>), so a
/// ticket code never reveals a permit. By permit code: for the public verification page, which shows only what a guard needs.
/// </summary>
public sealed class PermitQueries(LapakDbContext db, TicketAccess access, BranchSupervision supervision)
{
    public async Task<TicketPermit?> ForTicketAsync(ClaimsPrincipal user, string? code, bool track = false)
    {
        var normalized = TicketCode.Normalize(code);
        if (normalized is null) return null;
        var permits = track ? db.Set<Permit>() : db.Set<Permit>().AsNoTracking();
        var found = await (from p in permits join t in access.Visible(user) on p.TicketId equals t.Id
                           where t.Code == normalized select new { Permit = p, t.Code }).SingleOrDefaultAsync();
        if (found is null) return null;
        return new(found.Permit, found.Code, await SupervisesAsync(user, found.Permit.BranchId));
    }

    /// <summary>Only the supervisor of the permit's branch may revoke it (seed 002: the branch answers for its gate).</summary>
    public Task<bool> SupervisesAsync(ClaimsPrincipal user, Guid branchId) =>
        user.UserId() is { } me ? supervision.BranchesOf(me).ContainsAsync(branchId) : Task.FromResult(false);

    public Task<Permit?> ByCodeAsync(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 40 ? Task.FromResult<Permit?>(null)
            : db.Set<Permit>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code);

    /// <summary>"id" or "en": the language the user chose for pages, e-mails and documents.</summary>
    public async Task<string> LanguageOfAsync(ClaimsPrincipal user)
    {
        var me = user.UserId();
        var language = me is null ? null : await db.Users.Where(u => u.Id == me).Select(u => u.PreferredLanguage).SingleOrDefaultAsync();
        return Infrastructure.Localization.LapakCultures.Normalize(language);
    }
}
