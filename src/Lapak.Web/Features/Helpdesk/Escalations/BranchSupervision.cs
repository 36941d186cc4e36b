using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// Who decides on a branch's requests: only its supervisors (<see cref="BranchMember.IsSupervisor"/>), admins included
/// only if they are one. A ticket of a branch the caller does not supervise is simply not found for them.
/// </summary>
public sealed class BranchSupervision(LapakDbContext db)
{
    /// <summary>The branches <paramref name="userId"/> supervises, as a subquery.</summary>
    public IQueryable<Guid> BranchesOf(Guid userId) =>
        db.Set<BranchMember>().Where(m => m.UserId == userId && m.IsSupervisor).Select(m => m.BranchId);

    /// <summary>The ticket with this code if <paramref name="user"/> supervises its branch (tracked), else null.</summary>
    public Task<Ticket?> FindForDecisionAsync(ClaimsPrincipal user, string? code)
    {
        var normalized = TicketCode.Normalize(code);
        if (normalized is null || !TicketAccess.IsStaff(user)) return Task.FromResult<Ticket?>(null);
        var me = user.RequiredUserId();
        var mine = BranchesOf(me);
        return db.Set<Ticket>().SingleOrDefaultAsync(t => t.Code == normalized && t.CustomerId != me && t.BranchId != null && mine.Contains(t.BranchId.Value));
    }
}
