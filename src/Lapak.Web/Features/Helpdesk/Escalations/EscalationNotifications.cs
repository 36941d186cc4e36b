namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>The notification kinds of escalation and approval; their texts are registered in <see cref="EscalationsSetup"/>.</summary>
public static class EscalationNotifications
{
    public const string Escalated = "helpdesk.ticket_escalated";
    public const string ApprovalRequested = "helpdesk.approval_requested";
    public const string Approved = "helpdesk.request_approved";
    public const string Rejected = "helpdesk.request_rejected";
}
