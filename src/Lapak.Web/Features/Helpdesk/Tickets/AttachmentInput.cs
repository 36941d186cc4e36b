namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>The model of the <c>_AttachmentInput</c> partial: the input's id, and whether a guest fills the form (files are not kept through sign-in).</summary>
public sealed record AttachmentInput(string Id, bool ForGuest = false);
