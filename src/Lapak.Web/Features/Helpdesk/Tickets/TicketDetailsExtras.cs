namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed partial record TicketDetails
{
    /// <summary>The files the reader may see; <see cref="TicketAttachmentView.MessageId"/> null means the opening message.</summary>
    public IReadOnlyList<TicketAttachmentView> Attachments { get; init; } = [];

    /// <summary>The customer's ratings of this ticket's resolutions, newest first.</summary>
    public IReadOnlyList<TicketRatingView> Ratings { get; init; } = [];

    /// <summary>The reader is the customer and the current resolution is not rated yet.</summary>
    public bool CanRate { get; init; }
}
