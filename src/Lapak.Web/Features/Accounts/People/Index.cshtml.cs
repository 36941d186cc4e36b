using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Accounts.People;

/// <summary>/people/{id}: a user's public profile with the Chat button.</summary>
[Authorize]
public sealed class PersonModel(PersonProfile profiles) : PageModel
{
    public PersonView Person { get; private set; } = null!;
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await profiles.FindAsync(id, ct) is not { } person) return NotFound();
        Person = person;
        IsSelf = User.UserId() == id;
        return Page();
    }
}
