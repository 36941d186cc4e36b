using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Admin.RequestTypes;

public sealed class NewRequestTypeModel(LapakDbContext db, SaveRequestType.Handler handler, IStringLocalizer l) : RequestTypeFormModel(db, handler, l)
{
    public override bool IsNew => true;

    public async Task OnGetAsync()
    {
        Input.SortOrder = 100;
        await LoadTeamsAsync();
    }

    public Task<IActionResult> OnPostAsync(string? op) => PostAsync(null, op);
}
