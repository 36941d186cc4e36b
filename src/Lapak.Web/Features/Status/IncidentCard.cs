using Lapak.Web.Features.Helpdesk.Incidents;

namespace Lapak.Web.Features.Status;

/// <summary>
/// One incident on the status pages. <see cref="OwnTickets"/> is null for visitors (no "this affects me");
/// <see cref="OnList"/> says where the attach form sends the customer back to.
/// </summary>
public sealed record IncidentCard(IncidentView Incident, IReadOnlyList<OwnTicketChoice>? OwnTickets, bool OnList);
