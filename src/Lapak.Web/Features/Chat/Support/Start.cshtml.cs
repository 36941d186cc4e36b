using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>"Chat with us": choose the team (Customer Service preselected), write the first message, land in the chat.</summary>
public sealed class StartModel(SupportTeams teams, StartSupportChat.Handler start) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public string? Body { get; set; }
    /// <summary>Made when the form is shown, so pressing Send twice (or a resent form) stores one message.</summary>
    [BindProperty] public string ClientKey { get; set; } = "";

    public async Task OnGetAsync()
    {
        Teams = await teams.AllAsync(HttpContext.RequestAborted);
        TeamId ??= Teams.FirstOrDefault(t => t.Name == SupportChats.DefaultTeam).Id is var cs && cs != Guid.Empty ? cs : Teams.FirstOrDefault().Id;
        ClientKey = Guid.NewGuid().ToString("N");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (started, problems) = await start.HandleAsync(User, new StartSupportChat.Command(TeamId, Body, ClientKey), HttpContext.RequestAborted);
        if (started is not null) return Redirect($"/chat/{started.ConversationId}");
        foreach (var (field, messages) in problems.Errors)
            foreach (var message in messages) ModelState.AddModelError(field, message);
        if (problems.Errors.Count == 0 && problems.First(s => s) is { } other) ModelState.AddModelError("", other);
        Teams = await teams.AllAsync(HttpContext.RequestAborted);
        return Page();
    }

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
}
