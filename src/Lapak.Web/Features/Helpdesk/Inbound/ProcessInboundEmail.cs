using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// One e-mail from the support mailbox becomes a reply on its ticket, a new ticket, or nothing (with the reason
/// kept). It goes through <see cref="ReplyToTicket"/> and <see cref="OpenTicket"/>, so mail obeys the same rules
/// as the portal: a ticket code in a header never grants anything, only the sender's own account does.
/// </summary>
public static class ProcessInboundEmail
{
    public const string ClosedNotice = "helpdesk.reply_to_closed_ticket";

    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, IUserClaimsPrincipalFactory<LapakUser> principals,
        TicketAccess access, ReplyToTicket.Handler reply, OpenTicket.Handler open, AccountMail accountMail, Notifier notifier,
        ActivityLog activity, IOptions<InboundMailOptions> options, IOptions<SmtpOptions> smtp, IOptions<LapakOptions> site,
        TimeProvider clock, LapakText text)
    {
        /// <summary>
        /// Claims the message by its Message-ID before anything else happens; null when it is already claimed
        /// (an earlier poll or another instance has it), so it is never handled twice.
        /// </summary>
        public async Task<Guid?> RecordAsync(MimeMessage message, CancellationToken ct)
        {
            var entry = new InboundEmail
            {
                MessageId = MessageIdOf(message), FromAddress = Cut(SenderOf(message) ?? "", 320), Subject = Cut(message.Subject ?? "", 300),
                ReceivedAt = clock.GetUtcNow().UtcDateTime, Outcome = InboundOutcome.Failed, Detail = InboundReasons.Processing,
            };
            db.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                return entry.Id;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.Set<InboundEmail>().AsNoTracking().AnyAsync(e => e.MessageId == entry.MessageId, ct)) return null;
                throw;
            }
        }

        public async Task<InboundOutcome> HandleAsync(Guid entryId, MimeMessage message, CancellationToken ct)
        {
            var entry = await db.Set<InboundEmail>().SingleAsync(e => e.Id == entryId, ct);
            var from = SenderOf(message);
            var ignored = from is null ? InboundReasons.NoSender : IsAutomatic(message) ? InboundReasons.AutoReply : IsOurs(message, from) ? InboundReasons.FromUs : null;
            if (ignored is not null) return await DoneAsync(entry, InboundOutcome.Ignored, ignored, null, ct);

            var code = await TicketCodeOfAsync(message);
            var ticket = code is null ? null : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Code == code, ct);
            return ticket is not null ? await ReplyAsync(entry, ticket, message, from!, ct) : await OpenAsync(entry, message, from!, ct);
        }

        private async Task<InboundOutcome> ReplyAsync(InboundEmail entry, Ticket ticket, MimeMessage message, string from, CancellationToken ct)
        {
            var sender = await FindUserAsync(from, ct);
            var principal = sender is { IsActive: true } ? await principals.CreateAsync(sender) : null;
            var allowed = principal is not null && (sender!.Id == ticket.CustomerId
                || (TicketAccess.Works(principal, ticket) && await access.Visible(principal).AnyAsync(t => t.Id == ticket.Id, ct)));
            if (!allowed) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.NotAllowed, ticket.Id, ct);

            var body = InboundMailText.StripQuoted(InboundMailText.Body(message));
            if (body.Length == 0) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Empty, ticket.Id, ct);

            entry.Outcome = InboundOutcome.Replied;
            entry.TicketId = ticket.Id;
            entry.Detail = null;
            var (_, problem) = await reply.HandleAsync(principal!, ticket, new ReplyToTicket.Command
            {
                Body = Cut(body, TicketMessage.BodyMaxLength), Via = TicketSource.Email, EmailMessageId = entry.MessageId,
            });
            if (problem == ReplyToTicket.Problem.None) return InboundOutcome.Replied;

            // Only a closed ticket refuses a public reply; the sender learns why instead of hearing nothing.
            var notice = notifier.SendAccountMail(sender!, ClosedNotice,
                new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, support = options.Value.SupportAddress ?? "" }, "/helpdesk/new");
            notice.Thread = TicketMailThread.For(ticket.Code);
            return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Closed, ticket.Id, ct);
        }

        private async Task<InboundOutcome> OpenAsync(InboundEmail entry, MimeMessage message, string from, CancellationToken ct)
        {
            var customer = await FindUserAsync(from, ct);
            if (customer is { IsActive: false }) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Inactive, null, ct);
            var typeId = await RequestTypeAsync(ct);
            if (typeId is null) return await DoneAsync(entry, InboundOutcome.Failed, InboundReasons.NoRequestType, null, ct);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (customer is null)
            {
                customer = await CreateCustomerAsync(message, from);
                if (customer is null)
                {
                    db.ChangeTracker.Clear();
                    return await FailAsync(entry.Id, "The sender's address cannot be used for an account.", ct);
                }
            }
            var language = customer.PreferredLanguage;
            var subject = InboundMailText.CleanSubject(message.Subject);
            if (subject.Length < 3) subject = text.Get("E-mail without a subject", language);
            var description = InboundMailText.Body(message);
            if (description.Length == 0) description = subject;

            entry.Outcome = InboundOutcome.Opened;
            entry.Detail = null;
            var opened = await open.HandleAsync(await principals.CreateAsync(customer), new OpenTicket.Command
            {
                RequestTypeId = typeId, Subject = Cut(subject, Ticket.SubjectMaxLength), Description = Cut(description, Ticket.DescriptionMaxLength),
                Source = TicketSource.Email,
            });
            if (!opened.Succeeded)
            {
                db.ChangeTracker.Clear();
                await tx.RollbackAsync(ct);
                return await FailAsync(entry.Id, string.Join(" ", opened.Errors.SelectMany(e => e.Value)), ct);
            }
            entry.TicketId = opened.Ticket!.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return InboundOutcome.Opened;
        }

        /// <summary>
        /// A stranger who writes in gets a customer account like one an admin creates: no password, an unconfirmed
        /// address, and an invitation to choose a password. Saved with the ticket by the caller's transaction.
        /// </summary>
        private async Task<LapakUser?> CreateCustomerAsync(MimeMessage message, string from)
        {
            var name = message.From.Mailboxes.FirstOrDefault()?.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Contains('@')) name = from.Split('@')[0];
            var user = new LapakUser
            {
                UserName = from, Email = from, FullName = Cut(name, LapakUser.NameMaxLength), PreferredLanguage = LapakCultures.Indonesian,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Customer);
            if (!result.Succeeded) return null;
            await accountMail.QueueInvitationAsync(user, "Lapak");
            activity.Record("account.created_by_email", "user", user.Id.ToString(), detail: from, actorName: "e-mail");
            return user;
        }

        /// <summary>The configured type (by id or name), else the first active type a mail can fill: one without required fields.</summary>
        private async Task<Guid?> RequestTypeAsync(CancellationToken ct)
        {
            var active = await db.Set<RequestType>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.CreatedAt).ToListAsync(ct);
            var wanted = options.Value.DefaultRequestType?.Trim();
            if (!string.IsNullOrEmpty(wanted))
                return active.FirstOrDefault(t => t.Id.ToString() == wanted.ToLowerInvariant()
                    || string.Equals(t.NameEn, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(t.NameId, wanted, StringComparison.OrdinalIgnoreCase))?.Id;
            return active.FirstOrDefault(t => !t.Fields.Any(f => f.Required))?.Id;
        }

        /// <summary>
        /// Our thread id in In-Reply-To or References; else the id of one of our notification mails there (a client
        /// that answers the mail itself); else the "[#K7MQ-X9AR]" tag of the subject.
        /// </summary>
        private async Task<string?> TicketCodeOfAsync(MimeMessage message)
        {
            var host = new Uri(site.Value.PublicUrl).Host;
            var ids = message.References.Append(message.InReplyTo ?? "").Where(i => i.Length > 0).ToList();
            if (TicketMailThread.CodeFromMessageIds(ids, host) is { } code) return code;
            var notificationIds = ids.Select(i => i.Trim('<', '>').Split('@'))
                .Where(p => p.Length == 2 && string.Equals(p[1], host, StringComparison.OrdinalIgnoreCase) && Guid.TryParseExact(p[0], "N", out _))
                .Select(p => Guid.ParseExact(p[0], "N")).ToList();
            if (notificationIds.Count > 0)
            {
                var threads = await db.Set<Notification>().AsNoTracking().Where(n => notificationIds.Contains(n.Id) && n.Thread != null)
                    .Select(n => n.Thread!).ToListAsync();
                if (threads.Select(t => TicketMailThread.CodeFromMessageIds([$"{t}@{host}"], host)).FirstOrDefault(c => c is not null) is { } fromNotification)
                    return fromNotification;
            }
            return TicketMailThread.CodeFromSubject(message.Subject);
        }

        private Task<LapakUser?> FindUserAsync(string address, CancellationToken ct)
        {
            var normalized = address.ToUpperInvariant();
            return db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        }

        private bool IsOurs(MimeMessage message, string from) =>
            message.Headers.Contains("X-Lapak-Notification")
            || string.Equals(from, smtp.Value.FromAddress, StringComparison.OrdinalIgnoreCase)
            || string.Equals(from, options.Value.SupportAddress, StringComparison.OrdinalIgnoreCase);

        private async Task<InboundOutcome> DoneAsync(InboundEmail entry, InboundOutcome outcome, string? detail, Guid? ticketId, CancellationToken ct)
        {
            entry.Outcome = outcome;
            entry.Detail = detail;
            entry.TicketId = ticketId;
            await db.SaveChangesAsync(ct);
            return outcome;
        }

        /// <summary>Marks the record failed from a clean slate, whatever the unit of work holds.</summary>
        public async Task<InboundOutcome> FailAsync(Guid entryId, string detail, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            await db.Set<InboundEmail>().Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Outcome, InboundOutcome.Failed).SetProperty(e => e.Detail, Cut(detail, 1000)), ct);
            return InboundOutcome.Failed;
        }
    }

    /// <summary>Auto-replies, vacation notices and bounces: answering them would start a mail loop.</summary>
    public static bool IsAutomatic(MimeMessage message)
    {
        var h = message.Headers;
        if (h[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (h["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply") return true;
        if (h.Contains("X-Autoreply") || h.Contains("X-Autorespond") || h.Contains("X-Auto-Response-Suppress") && h["X-Auto-Response-Suppress"]!.Contains("All", StringComparison.OrdinalIgnoreCase)) return true;
        if (h[HeaderId.ReturnPath]?.Trim() == "<>") return true;
        if (message.Body is MultipartReport) return true;
        var local = message.From.Mailboxes.FirstOrDefault()?.LocalPart?.ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster";
    }

    public static string? SenderOf(MimeMessage message)
    {
        var address = message.From.Mailboxes.FirstOrDefault()?.Address?.Trim();
        return string.IsNullOrEmpty(address) || !address.Contains('@') ? null : address;
    }

    /// <summary>The Message-ID, or for a mail without one a stable stand-in made from its headers and text.</summary>
    public static string MessageIdOf(MimeMessage message)
    {
        if (message.MessageId is { Length: > 0 and <= 300 } id) return id;
        var seed = $"{message.MessageId}|{message.From}|{message.Date:O}|{message.Subject}|{message.TextBody ?? message.HtmlBody}";
        return "lapak-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))) + "@inbound";
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
