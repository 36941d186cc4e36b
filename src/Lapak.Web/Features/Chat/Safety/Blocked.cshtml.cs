using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>"Blocked users": the list with Unblock; also where the conversation header's Block / Unblock forms post.</summary>
public sealed class BlockedModel(BlockUser.Handler handler, IStringLocalizer l) : PageModel
{
    public IReadOnlyList<BlockedUserView> Blocked { get; private set; } = [];

    public async Task OnGetAsync() => Blocked = await handler.MineAsync(User);

    public async Task<IActionResult> OnPostBlockAsync(Guid userId, string? returnUrl)
    {
        var problems = await handler.BlockAsync(User, userId);
        if (problems.NotFound) return NotFound();
        TempData["Flash"] = problems.Any ? problems.First(s => l[s].Value) : l["Blocked. They can no longer send you messages."].Value;
        return LocalRedirect(Back(returnUrl));
    }

    public async Task<IActionResult> OnPostUnblockAsync(Guid userId, string? returnUrl)
    {
        if (!await handler.UnblockAsync(User, userId)) return NotFound();
        TempData["Flash"] = l["Unblocked. You can message each other again."].Value;
        return LocalRedirect(Back(returnUrl));
    }

    private string Back(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/chat/blocked";
}
