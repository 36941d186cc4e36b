using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Search;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>The inbox: my conversations with filters, and a search over my message history.</summary>
public sealed class ChatInboxModel(ChatQueries queries, SearchMessages.Handler search, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public static readonly string[] Filters = ["all", "unread", "support", "archived"];

    [BindProperty(SupportsGet = true, Name = "f")] public string? Filter { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "skip")] public int Skip { get; set; }

    public InboxList List { get; private set; } = new([], "all", null, DateTime.UtcNow);
    public ChatSearchPage? Results { get; private set; }
    [TempData] public string? ChatError { get; set; }

    public async Task OnGetAsync()
    {
        List = await LoadAsync(null);
        if (!string.IsNullOrWhiteSpace(Query)) Results = await search.HandleAsync(User, Query, Skip, HttpContext.RequestAborted);
    }

    /// <summary>Just the list, for the live update of an open inbox (or the column beside a conversation).</summary>
    public async Task<IActionResult> OnGetListAsync(Guid? current) => Partial("_InboxList", await LoadAsync(current));

    private async Task<InboxList> LoadAsync(Guid? current)
    {
        var filter = Filters.Contains(Filter) ? Filter! : "all";
        var items = await queries.InboxAsync(User, filter == "all" ? null : filter, 0, 100, HttpContext.RequestAborted);
        return new InboxList(items, filter, current, clock.GetUtcNow().UtcDateTime);
    }

    public string When(DateTime utc) => RelativeTime.Describe(utc, List.Now, l);
}

/// <summary>What the inbox list partial shows; <see cref="Current"/> is the conversation open beside it.</summary>
public sealed record InboxList(IReadOnlyList<ConversationSummary> Items, string Filter, Guid? Current, DateTime Now);
