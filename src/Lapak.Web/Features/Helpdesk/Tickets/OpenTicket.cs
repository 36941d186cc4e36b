using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.Teams;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// A customer (or an agent on a customer's behalf) opens a ticket: the ticket, its first history line and
/// the notifications to the receiving team and the customer commit together.
/// </summary>
public static class OpenTicket
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Choose a request type.")]
        public Guid? RequestTypeId { get; set; }

        [Required(ErrorMessage = "Enter a subject.")]
        [StringLength(Ticket.SubjectMaxLength, MinimumLength = 3, ErrorMessage = "The subject must be between {2} and {1} characters.")]
        public string Subject { get; set; } = "";

        [Required(ErrorMessage = "Describe your request.")]
        [StringLength(Ticket.DescriptionMaxLength, ErrorMessage = "The description may be at most {1} characters.")]
        public string Description { get; set; } = "";

        /// <summary>Values of the request type's own fields, by field key (a list's rows may come as a JSON array).</summary>
        [System.Text.Json.Serialization.JsonConverter(typeof(FieldValuesJsonConverter))]
        public Dictionary<string, string?> Fields { get; set; } = [];

        /// <summary>Staff only: the customer the ticket is for (by e-mail). Customers always open for themselves.</summary>
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        public string? CustomerEmail { get; set; }

        /// <summary>Set by the code, never by a client: where the ticket came from.</summary>
        [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public TicketSource Source { get; set; } = TicketSource.Portal;
    }

    /// <summary>The new ticket with its type and customer (so the answer needs no second read), or the errors.</summary>
    public sealed record Opened(Ticket? Ticket, Dictionary<string, string[]> Errors, RequestType? Type = null, LapakUser? Customer = null)
    {
        public bool Succeeded => Ticket is not null;
    }

    public sealed class Handler(LapakDbContext db, Notifier notifier, LapakText text, RoundRobin roundRobin, TicketLive live, TimeProvider clock,
        Sla.SlaClock sla, PermitRequestRules permits)
    {
        public async Task<Opened> HandleAsync(System.Security.Claims.ClaimsPrincipal opener, Command c)
        {
            var errors = new Dictionary<string, string[]>();
            var type = await db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.RequestTypeId && t.IsActive);
            if (type is null) return new(null, new() { [nameof(Command.RequestTypeId)] = [text.Get("Choose a request type.")] });

            var openerId = opener.RequiredUserId();
            var customer = await db.Users.SingleAsync(u => u.Id == openerId);
            if (!string.IsNullOrWhiteSpace(c.CustomerEmail) && c.CustomerEmail.Trim() != customer.Email)
            {
                if (!TicketAccess.IsStaff(opener))
                    return new(null, new() { [nameof(Command.CustomerEmail)] = [text.Get("Only staff can open a ticket for someone else.")] });
                var normalized = c.CustomerEmail.Trim().ToUpperInvariant();
                var other = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized && u.IsActive);
                if (other is null)
                    return new(null, new() { [nameof(Command.CustomerEmail)] = [text.Get("No active account has this e-mail address.")] });
                customer = other;
            }

            var branches = await BranchChoices.ForAsync(db, type);
            var values = await ValidateFieldsAsync(type, c.Fields, errors, branches);
            if (errors.Count > 0) return new(null, errors);

            var now = clock.GetUtcNow().UtcDateTime;
            var ticket = new Ticket
            {
                Code = await NewCodeAsync(), RequestTypeId = type.Id, TeamId = type.DefaultTeamId, CustomerId = customer.Id,
                CreatedById = openerId, OrganizationId = customer.OrganizationId, Subject = c.Subject.Trim(), Description = c.Description.Trim(),
                FieldsJson = JsonSerializer.Serialize(values), BranchId = BranchChoices.BranchOf(type, values, branches), Priority = type.DefaultPriority, CreatedAt = now, UpdatedAt = now,
                // Staff opening for a customer on the portal is seed 002's "CS creates the client's request".
                Source = c.Source == TicketSource.Portal && customer.Id != openerId ? TicketSource.Agent : c.Source,
            };
            ticket.Record(TicketEventKind.Created, new Actor(openerId, opener.DisplayName()), now);
            db.Add(ticket);

            var data = new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, customer = customer.FullName };
            var link = $"/helpdesk/tickets/{ticket.Code}";
            var thread = Inbound.TicketMailThread.For(ticket.Code);
            notifier.Notify(customer, HelpdeskNotifications.Received, data, link, thread);
            if (ticket.TeamId is { } teamId)
            {
                var team = await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                                  where m.TeamId == teamId && u.IsActive && u.Id != customer.Id
                                  select u).ToListAsync();
                foreach (var member in team) notifier.Notify(member, HelpdeskNotifications.NewForTeam, data, link, thread);
            }
            await roundRobin.AssignAsync(ticket, now);
            await sla.ApplyAsync(ticket, now);
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true);
            return new(ticket, errors, type, customer);
        }

        private async Task<string> NewCodeAsync()
        {
            // 29^8 codes make a clash very unlikely; checking (one index probe) keeps even that from surfacing as an
            // error, which matters because callers such as inbound mail open tickets inside their own transaction.
            while (true)
            {
                var code = TicketCode.New();
                if (!await db.Set<Ticket>().IgnoreQueryFilters().AnyAsync(t => t.Code == code)) return code;
            }
        }

        /// <summary>
        /// The request type's own field errors alone, without writing anything: shown together with the form's other
        /// mistakes, so a customer does not fix the subject only to learn about a missing order number next.
        /// </summary>
        public async Task<Dictionary<string, string[]>> CheckFieldsAsync(Command c)
        {
            var errors = new Dictionary<string, string[]>();
            var type = await db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.RequestTypeId && t.IsActive);
            if (type is not null) await ValidateFieldsAsync(type, c.Fields, errors, await BranchChoices.ForAsync(db, type));
            return errors;
        }

        /// <summary>Checks each field of the type and returns the cleaned values; problems go into <paramref name="errors"/> by "Fields[key]".</summary>
        private async Task<Dictionary<string, string>> ValidateFieldsAsync(RequestType type, Dictionary<string, string?> given,
            Dictionary<string, string[]> errors, IReadOnlyList<BranchChoice> branches)
        {
            var values = new Dictionary<string, string>();
            var unknown = given.Keys.Except(type.Fields.Select(f => f.Key)).ToList();
            foreach (var key in unknown) errors[$"Fields[{key}]"] = [text.Get("This field is not recognized.")];
            foreach (var field in type.Fields)
            {
                var raw = given.GetValueOrDefault(field.Key)?.Trim();
                var name = $"Fields[{field.Key}]";
                if (string.IsNullOrEmpty(raw))
                {
                    if (field.Required) errors[name] = [string.Format(text.Get("Fill in {0}."), field.Label(LapakCultures.Current))];
                    continue;
                }
                if (FieldValues.Check(field, raw, name, text, errors, [.. branches.Select(b => b.Code)]) is { } value) values[field.Key] = value;
            }
            await permits.CheckAsync(type, values, given, errors);
            return values;
        }
    }
}
