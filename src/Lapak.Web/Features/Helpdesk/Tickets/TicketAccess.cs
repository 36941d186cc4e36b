using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Who may see a ticket: its customer (and their organization's manager); staff of its team; supervisors and admins all. Everyone else is told
/// the ticket does not exist, so knowing a code never reveals anything.
/// </summary>
public sealed class TicketAccess(LapakDbContext db)
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public static bool IsStaff(ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    /// <summary>The ids of the teams <paramref name="userId"/> belongs to, as a subquery for ticket filters.</summary>
    public IQueryable<Guid> TeamsOf(Guid userId) => db.Set<TeamMember>().Where(m => m.UserId == userId).Select(m => m.TeamId);

    /// <summary>The tickets <paramref name="user"/> may see, as a query to filter further.</summary>
    public IQueryable<Ticket> Visible(ClaimsPrincipal user)
    {
        var me = user.RequiredUserId();
        var tickets = db.Set<Ticket>();
        if (SeesAll(user)) return tickets;
        if (IsStaff(user))
        {
            var myTeams = TeamsOf(me);
            return tickets.Where(t => t.CustomerId == me || (t.TeamId != null && myTeams.Contains(t.TeamId.Value)));
        }
        // An organization's manager also sees every ticket of the organization; read from the database, so a change
        // an admin makes applies at once, without the manager signing in again.
        var managed = db.Users.Where(u => u.Id == me && u.IsOrganizationManager && u.OrganizationId != null).Select(u => u.OrganizationId);
        return tickets.Where(t => t.CustomerId == me || (t.OrganizationId != null && managed.Contains(t.OrganizationId)));
    }

    /// <summary>The ticket with this code if <paramref name="user"/> may see it (tracked, ready to change), else null.</summary>
    public Task<Ticket?> FindAsync(ClaimsPrincipal user, string? code)
    {
        var normalized = TicketCode.Normalize(code);
        return normalized is null ? Task.FromResult<Ticket?>(null) : Visible(user).SingleOrDefaultAsync(t => t.Code == normalized);
    }

    /// <summary>Staff who work the ticket (not the customer on their own ticket) may add notes and change status.</summary>
    public static bool Works(ClaimsPrincipal user, Ticket ticket) => IsStaff(user) && ticket.CustomerId != user.RequiredUserId();
}
