using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed record MemberChoice(Guid Id, string Name);

public sealed record TeamChoice(Guid Id, string Name, IReadOnlyList<MemberChoice> Members);

/// <summary>What the assignment form offers: the ticket's team members (every team's for supervisors and admins), and the caller.</summary>
public sealed record AssignmentChoices(string Code, Guid? TeamId, string? TeamName, Guid? AssigneeId, string? AssigneeName, bool CanMoveTeam,
    MemberChoice Me, IReadOnlyList<TeamChoice> Teams)
{
    public static async Task<AssignmentChoices> ForAsync(LapakDbContext db, ClaimsPrincipal user, Ticket ticket)
    {
        var canMove = TicketAccess.SeesAll(user);
        var teams = await db.Set<Team>().Where(t => canMove || t.Id == ticket.TeamId).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        var teamIds = teams.Select(t => t.Id).ToList();
        var members = await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                             where teamIds.Contains(m.TeamId) && u.IsActive && u.Id != ticket.CustomerId
                             orderby u.FullName
                             select new { m.TeamId, u.Id, u.FullName }).ToListAsync();
        var assignee = ticket.AssigneeId is null ? null : await db.Users.Where(u => u.Id == ticket.AssigneeId).Select(u => u.FullName).SingleOrDefaultAsync();
        var choices = teams.Select(t => new TeamChoice(t.Id, t.Name,
            members.Where(m => m.TeamId == t.Id).Select(m => new MemberChoice(m.Id, m.FullName)).ToList())).ToList();
        return new AssignmentChoices(ticket.Code, ticket.TeamId, teams.FirstOrDefault(t => t.Id == ticket.TeamId)?.Name, ticket.AssigneeId, assignee,
            canMove, new MemberChoice(user.RequiredUserId(), user.DisplayName()), choices);
    }

    /// <summary>True when the caller is not already listed as a member of the ticket's team (a supervisor taking it).</summary>
    public bool MeApart => !Teams.Any(t => t.Id == TeamId && t.Members.Any(m => m.Id == Me.Id));
}

/// <summary>The assignment form with what was typed and what was wrong, for the sidebar card and the assignment page.</summary>
public sealed record AssignmentForm(AssignmentChoices Choices, AssignTicket.Command Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;
}
