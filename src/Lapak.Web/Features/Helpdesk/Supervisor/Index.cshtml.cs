using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Supervisor;

/// <summary>
/// The supervisor's desk (seed 002): what waits for my approval, what was escalated to me, the running work of my
/// branches and today's permits there, and a way to open a request on a client's behalf. Refreshes live.
/// </summary>
public sealed class SupervisorIndexModel(SupervisorDesk desk, LapakText text) : PageModel
{
    public IReadOnlyList<ApprovalItem> Approvals { get; private set; } = [];
    public IReadOnlyList<EscalatedItem> Escalated { get; private set; } = [];
    public IReadOnlyList<RunningItem> Running { get; private set; } = [];
    public IReadOnlyList<TodayPermit> Permits { get; private set; } = [];
    public LapakText Text => text;

    public async Task OnGetAsync()
    {
        var me = User.RequiredUserId();
        Approvals = await desk.ApprovalsAsync(me);
        Escalated = await desk.EscalatedToMeAsync(me);
        Running = await desk.RunningAsync(me);
        Permits = await desk.PermitsTodayAsync(me);
    }

    /// <summary>On a desk that lists only today's permits, "later today" and "in progress" read better than the gate's words.</summary>
    public string PermitStateName(PermitState state) => state switch
    {
        PermitState.NotYetValid => text.Get("Later today"),
        PermitState.Valid => text.Get("In progress"),
        PermitState.Expired => text.Get("Ended"),
        _ => PermitStates.Name(state, text),
    };
}
