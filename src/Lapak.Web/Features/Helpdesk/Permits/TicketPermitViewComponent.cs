using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>What the "Work permit" card shows; <see cref="Errors"/> and <see cref="Reason"/> when a revocation was refused.</summary>
public sealed record PermitCard(TicketPermit Found, PermitState State, string Window, string? Revoked,
    IReadOnlyDictionary<string, string[]> Errors, string? Reason = null, string? Problem = null);

/// <summary>The ticket page's "Work permit" card: empty until the ticket has a permit, and for anyone who may not see the ticket.</summary>
public sealed class TicketPermitViewComponent(PermitQueries permits, TimeProvider clock) : ViewComponent
{
    public const string CardView = "/Features/Helpdesk/Permits/_TicketPermit.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var found = await permits.ForTicketAsync(UserClaimsPrincipal, code);
        if (found is null) return Content("");
        return View(CardView, Card(found, clock.GetUtcNow().UtcDateTime, new Dictionary<string, string[]>()));
    }

    public static PermitCard Card(TicketPermit found, DateTime now, IReadOnlyDictionary<string, string[]> errors, string? reason = null, string? problem = null)
    {
        var p = found.Permit;
        var lang = LapakCultures.Current;
        var revoked = p.RevokedAt is { } at ? PermitTimes.Instant(at, p.BranchTimeZone, lang) : null;
        return new(found, PermitStates.Of(p, now), PermitTimes.Window(p.WindowStartUtc, p.WindowEndUtc, p.BranchTimeZone, lang), revoked, errors, reason, problem);
    }
}
