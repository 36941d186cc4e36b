namespace Lapak.Web.Features.Chat.Pages;

/// <summary>
/// The model of <c>_ChatButton</c>: a one-button form to <c>/chat/start</c> that opens the chat with
/// <see cref="UserId"/>, optionally about a subject. Render with
/// <c>&lt;partial name="/Features/Chat/Pages/_ChatButton.cshtml" model="new ChatButton(sellerId, "product", id)" /&gt;</c>.
/// </summary>
/// <param name="Label">The button text (translated by the caller); "Chat" when null.</param>
public sealed record ChatButton(Guid UserId, string? SubjectKind = null, string? SubjectId = null, string? Label = null, string CssClass = "btn btn-outline-primary");
