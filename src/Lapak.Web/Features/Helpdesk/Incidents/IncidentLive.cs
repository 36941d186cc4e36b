using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Tells open status pages an incident changed, after the change is committed. The push carries only the id: the
/// page fetches itself again, so what a visitor sees still goes through the page's own rules. A failed push is logged
/// and swallowed; the next reload shows the change anyway.
/// </summary>
public sealed class IncidentLive(IHubContext<StatusHub> hub, ILogger<IncidentLive> log)
{
    /// <summary>The event status pages receive: <c>{ id }</c>.</summary>
    public const string ChangedEvent = "incident:changed";

    public async Task IncidentChangedAsync(Guid incidentId)
    {
        try
        {
            await hub.Clients.All.SendAsync(ChangedEvent, new { id = incidentId });
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Live update of incident {Id} not sent", incidentId);
        }
    }
}

/// <summary>
/// <c>/hubs/status</c>: the public status page's live channel. <c>/hubs/live</c> requires sign-in, and opening it to
/// visitors would put every feature's join methods one mistake away from anonymous callers; this hub has no methods at
/// all and only ever sends "incident {id} changed", which the public page already shows to anyone.
/// </summary>
[AllowAnonymous]
public sealed class StatusHub : Hub;
