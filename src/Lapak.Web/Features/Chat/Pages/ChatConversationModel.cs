using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>
/// One conversation. The server renders the latest messages and a plain form that sends without JavaScript;
/// chat.js then keeps the page live (see docs/chat.md).
/// </summary>
public sealed class ChatConversationModel(ChatQueries queries, SendMessage.Handler send, ArchiveConversation.Handler archive,
    TimeProvider clock, IStringLocalizer l) : PageModel
{
    public const int PageSize = 50;

    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "before")] public long? Before { get; set; }
    [BindProperty(SupportsGet = true, Name = "focus")] public string? Focus { get; set; }

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? ClientKey { get; set; }
    [BindProperty] public List<Guid>? AttachmentIds { get; set; }

    public ConversationDetails Details { get; private set; } = null!;
    public IReadOnlyList<ChatMessageView> Messages { get; private set; } = [];
    public InboxList Inbox { get; private set; } = null!;
    public bool Archived { get; private set; }
    public DateTime Now { get; private set; }
    public Guid Me { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ClientKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (message, problems) = await send.HandleAsync(User, Id, new SendMessage.Command(ClientKey, Body, AttachmentIds), HttpContext.RequestAborted);
        if (problems.NotFound) return NotFound();
        if (message is not null) return Redirect($"/chat/{Id}#m-{message.Seq}");
        foreach (var (field, errors) in problems.Errors)
            foreach (var error in errors) ModelState.AddModelError(field, error);
        if (problems.Errors.Count == 0) ModelState.AddModelError(nameof(Body), problems.First(s => l[s]) ?? "");
        if (!await LoadAsync()) return NotFound();
        // A rejected message keeps its key: sending it again (once fixed) is still the same message.
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(bool archived) =>
        await archive.HandleAsync(User, Id, archived, HttpContext.RequestAborted) ? Redirect(archived ? "/chat" : $"/chat/{Id}") : NotFound();

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await queries.DetailsAsync(User, Id, ct) is not { } details) return false;
        Details = details;
        Me = User.RequiredUserId();
        Now = clock.GetUtcNow().UtcDateTime;
        Messages = await queries.MessagesAsync(User, Id, null, Before, PageSize, ct);
        var inbox = await queries.InboxAsync(User, null, 0, 50, ct);
        Inbox = new InboxList(inbox, "all", Id, Now);
        Archived = details.IsMember && (await queries.InboxAsync(User, "archived", 0, 100, ct)).Any(c => c.Id == Id);
        return true;
    }

    /// <summary>The most any other member has received and read: one person reading is enough for the blue ticks.</summary>
    public (long Delivered, long Read) OthersMarks()
    {
        var others = Details.Members.Where(m => m.UserId != Me).ToList();
        return others.Count == 0 ? (0, 0) : (others.Max(m => m.DeliveredSeq), others.Max(m => m.ReadSeq));
    }

    public string LastSeen(DateTime utc) => RelativeTime.Describe(utc, Now, l);
}
