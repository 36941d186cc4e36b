using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<LapakUser> users, ActivityLog activity) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        if (user is null) { Response.StatusCode = 400; return; }
        if (user.EmailConfirmed) { Confirmed = true; return; }
        activity.Record("account.email_confirmed", "user", user.Id.ToString(), actorId: user.Id, actorName: user.FullName);
        Confirmed = (await users.ConfirmEmailAsync(user, token!)).Succeeded; // saves the entry with the confirmation
        if (!Confirmed) Response.StatusCode = 400;
    }
}
