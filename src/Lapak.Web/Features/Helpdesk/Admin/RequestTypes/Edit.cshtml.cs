using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Admin.RequestTypes;

public sealed class EditRequestTypeModel(LapakDbContext db, SaveRequestType.Handler handler, IStringLocalizer l) : RequestTypeFormModel(db, handler, l)
{
    public override bool IsNew => false;
    public int TicketCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var type = await Db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
        if (type is null) return NotFound();
        Input = SaveRequestType.Command.From(type);
        await LoadTeamsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? op)
    {
        if (!await Db.Set<RequestType>().AnyAsync(t => t.Id == id)) return NotFound();
        return await PostAsync(id, op);
    }
}
