using System.Security.Claims;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Features.Accounts;

/// <summary>
/// Records activity in the caller's unit of work: the entry is saved with the change it describes,
/// never on its own. Any module may record; only admins read.
/// </summary>
public sealed class ActivityLog(LapakDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string? subjectType = null, string? subjectId = null, string? detail = null,
        Guid? actorId = null, string? actorName = null)
    {
        var ctx = http.HttpContext;
        var principal = ctx?.User;
        if (actorId is null && principal?.Identity?.IsAuthenticated == true &&
            Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            actorId = id;
            actorName ??= principal.FindFirstValue(LapakClaims.FullName) ?? principal.Identity?.Name;
        }
        db.Add(new ActivityEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorName = Truncate(actorName ?? "system", 150),
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Detail = detail is null ? null : Truncate(detail, 500),
            IpAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
