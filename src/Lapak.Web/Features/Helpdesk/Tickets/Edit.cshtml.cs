using System.ComponentModel.DataAnnotations;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Staff correct a ticket's subject, description, type and priority; every change lands in its history.</summary>
public sealed class TicketEditModel(TicketAccess access, EditTicket.Handler handler, LapakDbContext db, LapakText text, IStringLocalizer l) : PageModel
{
    public sealed class EditForm
    {
        [Required(ErrorMessage = "Enter a subject.")]
        [StringLength(Ticket.SubjectMaxLength, MinimumLength = 3, ErrorMessage = "The subject must be between {2} and {1} characters.")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Describe your request.")]
        [StringLength(Ticket.DescriptionMaxLength, ErrorMessage = "The description may be at most {1} characters.")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Choose a request type.")]
        public Guid? RequestTypeId { get; set; }

        [Required(ErrorMessage = "Choose a priority.")]
        public TicketPriority? Priority { get; set; }
    }

    [BindProperty] public EditForm Input { get; set; } = new();

    public TicketDetailsHeader Header { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Types { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!TicketAccess.Works(User, ticket)) return Forbid();
        Input = new EditForm { Subject = ticket.Subject, Description = ticket.Description, RequestTypeId = ticket.RequestTypeId, Priority = ticket.Priority };
        await LoadAsync(ticket);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!TicketAccess.Works(User, ticket)) return Forbid();
        if (ModelState.IsValid)
        {
            var before = ticket.Events.Count;
            var problems = await handler.HandleAsync(User, ticket, new EditTicket.Command
            {
                Subject = Input.Subject, Description = Input.Description, RequestTypeId = Input.RequestTypeId, Priority = Input.Priority,
            });
            if (!problems.Any)
            {
                TempData["Flash"] = ticket.Events.Count == before ? l["Nothing changed."].Value : l["The ticket has been updated."].Value;
                return Redirect(TicketDetailsModel.Address(ticket.Code));
            }
            foreach (var (field, messages) in problems.Errors)
                foreach (var m in messages) ModelState.AddModelError($"{nameof(Input)}.{field}", m);
            Problem = problems.Conflict;
        }
        Response.StatusCode = Problem is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        await LoadAsync(ticket);
        return Page();
    }

    public string PriorityName(TicketPriority p) => TicketLabels.Priority(p, text);

    private async Task LoadAsync(Ticket ticket)
    {
        Header = new TicketDetailsHeader(ticket.Code, ticket.Subject);
        var lang = LapakCultures.Current;
        var types = await db.Set<RequestType>().AsNoTracking().Where(t => t.IsActive || t.Id == ticket.RequestTypeId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        Types = types.Select(t => (t.Id, t.Name(lang))).ToList();
    }
}
