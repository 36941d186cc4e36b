using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Shared;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>Admins see what became of each e-mail to the support address, so "my reply never arrived" can be answered.</summary>
public sealed class InboundMailModel(LapakDbContext db, InboundMailbox mailbox, RetryInboundEmail.Handler retry, IOptions<InboundMailOptions> options,
    IStringLocalizer l, ILogger<InboundMailModel> log) : PageModel
{
    public const string Path = "/admin/inbound-mail";
    private const int PageSize = 25;

    [FromQuery(Name = "outcome")] public InboundOutcome? Outcome { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public InboundMailOptions Mailbox => options.Value;
    public Dictionary<InboundOutcome, int> Counts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int PageCount { get; private set; } = 1;

    public sealed record Row(Guid Id, DateTime ReceivedAt, string From, string Subject, InboundOutcome Outcome, string? TicketCode, string? Detail);

    public async Task OnGetAsync()
    {
        var all = db.Set<InboundEmail>().AsNoTracking();
        Counts = (await all.GroupBy(e => e.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var shown = Outcome is { } o ? all.Where(e => e.Outcome == o) : all;
        var total = await shown.CountAsync();
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        // Deleted tickets drop out of the join by the query filter; the e-mail still shows, without its link.
        Rows = await (from e in shown
                      join t in db.Set<Ticket>() on e.TicketId equals t.Id into tickets
                      from t in tickets.DefaultIfEmpty()
                      orderby e.ReceivedAt descending
                      select new Row(e.Id, e.ReceivedAt, e.FromAddress, e.Subject, e.Outcome, t == null ? null : t.Code, e.Detail))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!Mailbox.Enabled) TempData["Flash"] = l["Inbound e-mail is not configured."].Value;
        else
        {
            try
            {
                var poll = await mailbox.PollOnceAsync(ct);
                TempData["Flash"] = poll.Fetched == 0 ? l["The mailbox has no new e-mail."].Value
                    : string.Format(l["{0} new e-mail(s) handled: {1} replies, {2} new tickets, {3} ignored, {4} failed."].Value,
                        poll.Fetched, poll.Replied, poll.Opened, poll.Ignored, poll.Failed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Checking the support mailbox on request failed");
                TempData["Flash"] = string.Format(l["The mailbox could not be read: {0}"].Value, ex.Message);
            }
        }
        return Redirect(Pager.Url(Path, 1, ("outcome", Outcome?.ToString())));
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var (result, poll) = await retry.HandleAsync(new RetryInboundEmail.Command(id), ct);
            TempData["Flash"] = result switch
            {
                RetryInboundEmail.Result.Retried => string.Format(l["The e-mail was tried again: {0} replies, {1} new tickets, {2} ignored, {3} failed."].Value,
                    poll!.Replied, poll.Opened, poll.Ignored, poll.Failed),
                RetryInboundEmail.Result.NotInFailedFolder => l["The e-mail is no longer in the failed folder, so it cannot be tried again from here."].Value,
                _ => l["Only a failed e-mail can be tried again."].Value,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Retrying inbound e-mail {Id} failed", id);
            TempData["Flash"] = string.Format(l["The mailbox could not be read: {0}"].Value, ex.Message);
        }
        return Redirect(Pager.Url(Path, 1, ("outcome", Outcome?.ToString())));
    }

    public Pager Pager => new(PageNumber, PageCount, n => Pager.Url(Path, n, ("outcome", Outcome?.ToString())));
}
