using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts;

/// <summary>My personal API tokens: the list, a new one (its secret shown once), and revoking.</summary>
public sealed class ProfileTokensModel(ManageTokens.Handler tokens, LapakText text, IStringLocalizer l) : PageModel
{
    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];
    /// <summary>Filled for the one response that follows a creation; never stored anywhere else.</summary>
    public CreatedToken? Created { get; private set; }
    public ManageTokens.CreateCommand Create { get; set; } = new() { ExpiresInDays = 90 };

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(User.RequiredUserId());

    // The secret is rendered in this response instead of after a redirect, so it never travels in a cookie or URL.
    public async Task<IActionResult> OnPostAsync(ManageTokens.CreateCommand create)
    {
        Create = create;
        var userId = User.RequiredUserId();
        if (ModelState.IsValid)
        {
            var (created, problem) = await tokens.CreateAsync(userId, create);
            if (problem == ManageTokens.Problem.TooMany) ModelState.AddModelError("", TokenEndpoints.TooMany(text));
            if (created is not null)
            {
                Created = created;
                Create = new ManageTokens.CreateCommand { ExpiresInDays = 90 };
                ModelState.Clear();
                Response.Headers.CacheControl = "no-store";
            }
        }
        Tokens = await tokens.ListAsync(userId);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await tokens.RevokeAsync(User.RequiredUserId(), id);
        if (revoked is null) return NotFound();
        TempData["Flash"] = l["The token “{0}” has been revoked. Apps using it can no longer sign in with it.", revoked.Name].Value;
        return RedirectToPage();
    }
}
