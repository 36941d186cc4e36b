using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class NewUserModel(CreateUserByAdmin.Handler handler, LapakDbContext db, IStringLocalizer l) : PageModel
{
    [BindProperty] public CreateUserByAdmin.Command Input { get; set; } = new();
    public List<Organization> Organizations { get; private set; } = [];

    public async Task OnGetAsync(Guid? organizationId)
    {
        Input.Roles = [Roles.Customer];
        Input.OrganizationId = organizationId;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(Input, User);
            if (outcome.Succeeded)
            {
                TempData["Flash"] = l["Account created. We sent an invitation to {0} to set a password.", Input.Email.Trim()].Value;
                return Redirect($"/admin/users/{outcome.Id}");
            }
            outcome.CopyTo(ModelState, nameof(Input));
        }
        else if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.Email)}") == ModelValidationState.Valid &&
                 await handler.EmailTakenAsync(Input.Email))
        {
            // Said along with the other mistakes, so the admin does not fix them only to learn this next.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", l["An account with this e-mail address already exists."]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Organizations = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name).ToListAsync();
}
