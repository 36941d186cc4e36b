using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Verify;

/// <summary>What the gate guard sees: the state, the branch, the window and the visitors' names. Nothing else.</summary>
public sealed record PermitCheck(PermitState State, string Branch, string Window, IReadOnlyList<string> Visitors, string CheckedAt);

/// <summary>
/// The public page a permit's QR code opens (<c>/verify/{code}</c>), for a guard's phone at the gate. It reveals only
/// what admitting the visitors needs: no ID numbers, companies, contact details, ticket code or approver. Unknown codes
/// get a friendly 404. Never indexed, never cached (a revocation must show at once), and rate limited per address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PermitsSetup.VerifyRateLimit)]
public sealed class VerifyPermitModel(PermitQueries permits, TimeProvider clock) : PageModel
{
    public PermitCheck? Check { get; private set; }

    public async Task OnGetAsync(string code)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        var permit = await permits.ByCodeAsync(code);
        if (permit is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lang = LapakCultures.Current;
        Check = new PermitCheck(PermitStates.Of(permit, now), permit.BranchName,
            PermitTimes.Window(permit.WindowStartUtc, permit.WindowEndUtc, permit.BranchTimeZone, lang),
            [.. PermitPdf.Visitors(permit).Select(v => v.Name)], PermitTimes.Instant(now, permit.BranchTimeZone, lang));
    }
}
