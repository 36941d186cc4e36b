namespace Lapak.Web.Features.Helpdesk;

/// <summary>The notification kinds the helpdesk sends; their texts are registered in <see cref="HelpdeskModule"/>.</summary>
public static class HelpdeskNotifications
{
    public const string NewForTeam = "helpdesk.ticket_new_for_team";
    public const string Received = "helpdesk.ticket_received";
    public const string Replied = "helpdesk.ticket_replied";
    public const string StatusChanged = "helpdesk.ticket_status_changed";
    public const string Resolved = "helpdesk.ticket_resolved";
    public const string Assigned = "helpdesk.ticket_assigned";
}
