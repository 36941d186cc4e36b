using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// One ticket for everyone who may see it: the customer reads and replies; staff working it also add internal
/// notes and move its status. Anyone else gets the 404 page, so a code never reveals that a ticket exists.
/// </summary>
public sealed partial class TicketDetailsModel(TicketAccess access, TicketQueries queries, ReplyWithFiles.Handler replies,
    ChangeTicketStatus.Handler statuses, LapakText text, IStringLocalizer l) : PageModel
{
    [BindProperty] public ReplyToTicket.Command Reply { get; set; } = new();

    public TicketDetails Ticket { get; private set; } = null!;
    /// <summary>Staff working the ticket: they see internal notes, may add them and change the status.</summary>
    public bool Works { get; private set; }
    /// <summary>Why the last action was refused (closed ticket, lifecycle, rights), shown above the page's forms.</summary>
    public string? Problem { get; private set; }
    public IReadOnlyList<TicketStatus> NextStatuses => Tickets.Ticket.NextStatuses(Ticket.Status);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        // A typed or read-out code ("k7mq-x9ar") lands on the one address the ticket has.
        if (code != ticket.Code) return RedirectPermanent(Address(ticket.Code));
        await LoadAsync(ticket);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(string code, List<IFormFile>? attachments)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        var uploads = AttachmentUpload.From(attachments);
        if (!ModelState.IsValid)
        {
            AddFileErrors(replies.Check(uploads));
            await LoadAsync(ticket);
            return Page();
        }

        var (message, problem, fileErrors) = await replies.HandleAsync(User, ticket, Reply, uploads, HttpContext.RequestAborted);
        if (fileErrors.Count > 0)
        {
            AddFileErrors(fileErrors);
            await LoadAsync(ticket);
            return Page();
        }
        if (problem != ReplyToTicket.Problem.None)
        {
            Problem = problem == ReplyToTicket.Problem.Closed
                ? l["This ticket is closed. Open a new ticket if you still need help."]
                : l["Only staff working on the ticket can add internal notes."];
            await LoadAsync(ticket);
            return Page();
        }
        TempData["Flash"] = Reply.Internal ? l["Your internal note has been added."].Value
            : TicketAccess.Works(User, ticket) ? l["Your reply has been sent to the customer."].Value
            : l["Your reply has been sent."].Value;
        return Redirect($"{Address(ticket.Code)}#message-{message!.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(string code, TicketStatus? status)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        // The reply form's fields are not part of this post; their "required" errors do not apply.
        ModelState.Clear();
        if (status is null)
        {
            Problem = l["Choose the new status."];
            await LoadAsync(ticket);
            return Page();
        }

        var from = ticket.Status;
        var problem = await statuses.HandleAsync(User, ticket, status.Value);
        if (problem is not null)
        {
            Problem = problem;
            await LoadAsync(ticket);
            return Page();
        }
        TempData["Flash"] = from == status
            ? l["The ticket is already {0}.", TicketLabels.Status(status.Value, text)].Value
            : l["Status changed to {0}.", TicketLabels.Status(status.Value, text)].Value;
        return Redirect(Address(ticket.Code));
    }

    private async Task LoadAsync(Ticket ticket)
    {
        Works = TicketAccess.Works(User, ticket);
        Ticket = await queries.DetailsAsync(User, ticket);
    }

    public static string Address(string code) => $"/helpdesk/tickets/{code}";

    public string StatusName(TicketStatus status) => TicketLabels.Status(status, text);
    public string PriorityName(TicketPriority priority) => TicketLabels.Priority(priority, text);

    /// <summary>One history line in the reader's language: who did what, old → new.</summary>
    public string Describe(TicketEventView e) => e.Kind switch
    {
        TicketEventKind.Created => l["{0} opened the ticket", e.ActorName],
        TicketEventKind.StatusChanged => l["{0} changed the status from {1} to {2}", e.ActorName, Status(e.OldValue), Status(e.NewValue)],
        TicketEventKind.PriorityChanged => l["{0} changed the priority from {1} to {2}", e.ActorName, Priority(e.OldValue), Priority(e.NewValue)],
        TicketEventKind.Replied => l["{0} replied", e.ActorName],
        TicketEventKind.NoteAdded => l["{0} added an internal note", e.ActorName],
        TicketEventKind.Assigned => e.NewValue is null ? l["{0} removed the assignee", e.ActorName]
            : e.OldValue is null && e.NewValue == e.ActorName ? l["{0} took the ticket", e.ActorName]
            : e.OldValue is null ? l["{0} assigned the ticket to {1}", e.ActorName, e.NewValue]
            : l["{0} reassigned the ticket from {1} to {2}", e.ActorName, e.OldValue, e.NewValue],
        TicketEventKind.TeamChanged => l["{0} moved the ticket from team {1} to {2}", e.ActorName, e.OldValue ?? "–", e.NewValue ?? "–"],
        TicketEventKind.TypeChanged => l["{0} changed the type from {1} to {2}", e.ActorName, e.OldValue ?? "–", e.NewValue ?? "–"],
        TicketEventKind.DetailsEdited => e.NewValue is null ? l["{0} edited the description", e.ActorName]
            : l["{0} changed the subject from “{1}” to “{2}”", e.ActorName, e.OldValue ?? "", e.NewValue],
        TicketEventKind.Rated => l["{0} rated the help {1}/5", e.ActorName, e.NewValue ?? "–"],
        TicketEventKind.Escalated => e.OldValue == TicketEvent.AutomaticEscalation ? l["The ticket was escalated automatically to {0}", e.NewValue ?? "–"]
            : l["{0} escalated the ticket to {1}", e.ActorName, e.NewValue ?? "–"],
        TicketEventKind.SlaWarning => e.NewValue == nameof(Sla.SlaMeasure.FirstResponse)
            ? l["The first response is due soon"] : l["The resolution is due soon"],
        TicketEventKind.SlaBreached => e.NewValue == nameof(Sla.SlaMeasure.FirstResponse)
            ? l["The first response due time passed"] : l["The resolution due time passed"],
        TicketEventKind.ApprovalRequested => l["{0} asked {1} for approval", e.ActorName, e.NewValue ?? "–"],
        TicketEventKind.Approved => l["{0} approved the request", e.ActorName],
        TicketEventKind.Rejected => l["{0} rejected the request", e.ActorName],
        TicketEventKind.PermitRevoked => l["{0} revoked the permit", e.ActorName],
        TicketEventKind.IncidentLinked => l["{0} linked the ticket to the incident “{1}”", e.ActorName, e.NewValue ?? "–"],
        _ => e.ActorName,
    };

    private string Status(string? value) =>
        Enum.TryParse<TicketStatus>(value, out var s) ? TicketLabels.Status(s, text) : value ?? "–";

    private string Priority(string? value) =>
        Enum.TryParse<TicketPriority>(value, out var p) ? TicketLabels.Priority(p, text) : value ?? "–";
}
