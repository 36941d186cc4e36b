using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Staff working a ticket correct its subject, description, request type or priority. Each change is a
/// history line (old → new; a description edit is noted without copying the text). A ticket that has no team
/// yet goes to the new type's default team; one that has a team keeps it (moving teams is an assignment).
/// </summary>
public static class EditTicket
{
    /// <summary>What to change; a null property stays as it is.</summary>
    public sealed class Command
    {
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public Guid? RequestTypeId { get; set; }
        public TicketPriority? Priority { get; set; }
    }

    public sealed record Plan(string? Subject, string? Description, RequestType? Type, TicketPriority? Priority);

    public sealed class Handler(LapakDbContext db, LapakText text, TicketLive live, TimeProvider clock, Sla.SlaClock sla)
    {
        public async Task<TicketProblems> HandleAsync(ClaimsPrincipal staff, Ticket ticket, Command c)
        {
            var problems = new TicketProblems();
            var plan = await CheckAsync(staff, ticket, c, problems);
            if (problems.Any || plan is null) return problems;
            Apply(staff, ticket, plan);
            await sla.ApplyAsync(ticket);
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true);
            return problems;
        }

        /// <summary>Checks without changing anything; null when nothing would change (or it cannot be done).</summary>
        public async Task<Plan?> CheckAsync(ClaimsPrincipal staff, Ticket ticket, Command c, TicketProblems problems)
        {
            if (!TicketAccess.Works(staff, ticket))
            {
                problems.Forbidden = text.Get("Only staff working on the ticket can edit it.");
                return null;
            }
            var subject = c.Subject?.Trim();
            if (subject is not null && (subject.Length < 3 || subject.Length > Ticket.SubjectMaxLength))
                problems.Add(nameof(Command.Subject), string.Format(text.Get("The subject must be between {2} and {1} characters."), null, Ticket.SubjectMaxLength, 3));
            var description = c.Description?.Trim();
            if (description is not null && description.Length == 0)
                problems.Add(nameof(Command.Description), text.Get("Describe your request."));
            else if (description?.Length > Ticket.DescriptionMaxLength)
                problems.Add(nameof(Command.Description), string.Format(text.Get("The description may be at most {1} characters."), null, Ticket.DescriptionMaxLength));
            RequestType? type = null;
            if (c.RequestTypeId is { } typeId && typeId != ticket.RequestTypeId)
            {
                type = await db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.IsActive);
                if (type is null) problems.Add(nameof(Command.RequestTypeId), text.Get("Choose a request type."));
            }
            if (c.Priority is { } p && !Enum.IsDefined(p)) problems.Add(nameof(Command.Priority), text.Get("Choose a priority."));

            var plan = new Plan(subject == ticket.Subject ? null : subject, description == ticket.Description ? null : description, type,
                c.Priority == ticket.Priority ? null : c.Priority);
            if (plan is { Subject: null, Description: null, Type: null, Priority: null }) return null;
            if (ticket.IsClosed) problems.Conflict = text.Get("A closed ticket cannot be changed.");
            return problems.Any ? null : plan;
        }

        /// <summary>Applies a checked plan to the tracked ticket; the caller saves.</summary>
        public void Apply(ClaimsPrincipal staff, Ticket ticket, Plan plan)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(staff.RequiredUserId(), staff.DisplayName());
            if (plan.Subject is { } subject)
            {
                ticket.Record(TicketEventKind.DetailsEdited, actor, now, ticket.Subject, subject);
                ticket.Subject = subject;
            }
            if (plan.Description is { } description)
            {
                ticket.Record(TicketEventKind.DetailsEdited, actor, now); // no values: "edited the description"
                ticket.Description = description;
            }
            if (plan.Type is { } type)
            {
                // Ids, not names: the history shows them in each reader's language.
                ticket.Record(TicketEventKind.TypeChanged, actor, now, ticket.RequestTypeId.ToString(), type.Id.ToString());
                ticket.RequestTypeId = type.Id;
                ticket.TeamId ??= type.DefaultTeamId;
            }
            if (plan.Priority is { } priority) ticket.ChangePriority(priority, actor, now);
            ticket.UpdatedAt = now;
        }
    }
}
