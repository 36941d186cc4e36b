using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Status and priority names as people read them, in either language.</summary>
public static class TicketLabels
{
    public static string Status(TicketStatus status, LapakText text, string? language = null) => Get(text, language, status switch
    {
        TicketStatus.New => "New",
        TicketStatus.Open => "Open",
        TicketStatus.PendingCustomer => "Waiting for customer",
        TicketStatus.AwaitingApproval => "Awaiting approval",
        TicketStatus.Resolved => "Resolved",
        _ => "Closed",
    });

    public static string Priority(TicketPriority priority, LapakText text, string? language = null) => Get(text, language, priority switch
    {
        TicketPriority.Low => "Low",
        TicketPriority.Normal => "Normal",
        TicketPriority.High => "High",
        _ => "Urgent",
    });

    /// <summary>Bootstrap badge colours that keep AA contrast with their text.</summary>
    public static string StatusBadge(TicketStatus status) => status switch
    {
        TicketStatus.New => "text-bg-primary",
        TicketStatus.Open => "text-bg-info",
        TicketStatus.PendingCustomer => "text-bg-warning",
        TicketStatus.AwaitingApproval => "text-bg-warning",
        TicketStatus.Resolved => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string PriorityBadge(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "priority-badge priority-low",
        TicketPriority.Normal => "priority-badge priority-normal",
        TicketPriority.High => "priority-badge priority-high",
        _ => "priority-badge priority-urgent",
    };

    private static string Get(LapakText text, string? language, string english) =>
        language is null ? text.Get(english) : text.Get(english, language);
}
