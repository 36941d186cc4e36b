using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Canned;

public sealed record CannedResponseView(Guid Id, string Title, string Body, Guid? TeamId, string? TeamName, bool IsActive, DateTime UpdatedAt);

/// <summary>A canned response ready to insert into a reply: its placeholders already filled from the ticket.</summary>
public sealed record FilledCannedResponse(Guid Id, string Title, string Body);

/// <summary>The reads behind the canned-response pages, the API and the reply box's "Insert".</summary>
public sealed class CannedResponses(LapakDbContext db)
{
    /// <summary>Only supervisors and admins change canned responses; agents may read them.</summary>
    public static bool MayManage(ClaimsPrincipal user) => TicketAccess.SeesAll(user);

    public async Task<IReadOnlyList<CannedResponseView>> ListAsync(Guid? teamId = null, bool includeInactive = true) =>
        await (from c in db.Set<CannedResponse>().AsNoTracking()
               join t in db.Set<Team>() on c.TeamId equals t.Id into teams
               from t in teams.DefaultIfEmpty()
               where (teamId == null || c.TeamId == teamId) && (includeInactive || c.IsActive)
               orderby c.IsActive descending, c.Title
               select new CannedResponseView(c.Id, c.Title, c.Body, c.TeamId, t == null ? null : t.Name, c.IsActive, c.UpdatedAt)).ToListAsync();

    public Task<CannedResponseView?> FindAsync(Guid id) =>
        (from c in db.Set<CannedResponse>().AsNoTracking()
         join t in db.Set<Team>() on c.TeamId equals t.Id into teams
         from t in teams.DefaultIfEmpty()
         where c.Id == id
         select new CannedResponseView(c.Id, c.Title, c.Body, c.TeamId, t == null ? null : t.Name, c.IsActive, c.UpdatedAt)).SingleOrDefaultAsync();

    /// <summary>The active responses for the ticket's team and for all teams, filled in for <paramref name="agent"/> answering <paramref name="ticket"/>.</summary>
    public async Task<IReadOnlyList<FilledCannedResponse>> ForTicketAsync(Ticket ticket, ClaimsPrincipal agent)
    {
        var customer = await db.Users.Where(u => u.Id == ticket.CustomerId).Select(u => u.FullName).SingleAsync();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer_name"] = customer,
            ["ticket_code"] = TicketCode.Display(ticket.Code),
            ["ticket_subject"] = ticket.Subject,
            ["agent_name"] = agent.DisplayName(),
        };
        var rows = await db.Set<CannedResponse>().AsNoTracking()
            .Where(c => c.IsActive && (c.TeamId == null || c.TeamId == ticket.TeamId))
            .OrderBy(c => c.Title).Select(c => new { c.Id, c.Title, c.Body }).ToListAsync();
        return rows.Select(c => new FilledCannedResponse(c.Id, c.Title, CannedPlaceholders.Fill(c.Body, values))).ToList();
    }

    public Task<List<Team>> TeamsAsync() => db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).ToListAsync();
}

/// <summary>Fills <c>{name}</c> placeholders; a placeholder nobody knows stays as typed, so a typo is visible in the reply box.</summary>
public static class CannedPlaceholders
{
    public static readonly string[] Known = ["{customer_name}", "{ticket_code}", "{ticket_subject}", "{agent_name}"];

    public static string Fill(string body, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"\{([a-z_]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
