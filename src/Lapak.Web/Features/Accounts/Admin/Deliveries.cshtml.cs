using Lapak.Web.Features.Notifications;
using Lapak.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class DeliveriesModel(OutboxAdmin outbox, NotificationTemplates templates, IStringLocalizer l) : PageModel
{
    [FromQuery(Name = "status")] public DeliveryStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public DeliveryOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync() => Overview = await outbox.OverviewAsync(Status, PageNumber);

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        TempData["Flash"] = await outbox.RetryAsync(id)
            ? l["The delivery will be tried again in a moment."].Value
            : l["This delivery is not failed any more; nothing to retry."].Value;
        return Redirect(Pager.Url("/admin/deliveries", 1, ("status", Status?.ToString())));
    }

    /// <summary>The English title of a notification kind (translated by the view), or the kind itself.</summary>
    public string KindTitle(string kind) => templates.All.FirstOrDefault(t => t.Kind == kind)?.Title ?? kind;

    public Pager Pager => new(Overview.Page, Overview.PageCount, n => Pager.Url("/admin/deliveries", n, ("status", Status?.ToString())));
}
