using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>The canned responses: every agent may read them here; supervisors and admins also create and change them.</summary>
public sealed class CannedIndexModel(CannedResponses canned) : PageModel
{
    public IReadOnlyList<CannedResponseView> Items { get; private set; } = [];
    public bool MayManage => CannedResponses.MayManage(User);

    public async Task OnGetAsync() => Items = await canned.ListAsync();

    public static string Excerpt(string body) => body.Length <= 160 ? body : body[..157].TrimEnd() + "…";
}
