namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>Which due time a ticket missed.</summary>
public enum SlaMeasure { FirstResponse, Resolution }

/// <summary>
/// What the SLA runner does once a ticket breaches: escalate it by the same path an agent would, recorded as automatic.
/// The runner has already claimed the breach (set <c>SlaBreachedAt</c>), so this is called once per ticket and due time.
/// </summary>
public interface ISlaBreachEscalator
{
    Task EscalateOnBreachAsync(Guid ticketId, SlaMeasure missed, DateTime now, CancellationToken ct);
}
