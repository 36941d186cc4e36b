namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Badge colours for priorities, next to <see cref="TicketLabels.StatusBadge"/>; all keep AA contrast with their text.</summary>
public static class TicketBadges
{
    public static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "priority-badge priority-low",
        TicketPriority.Normal => "priority-badge priority-normal",
        TicketPriority.High => "priority-badge priority-high",
        _ => "priority-badge priority-urgent",
    };
}
