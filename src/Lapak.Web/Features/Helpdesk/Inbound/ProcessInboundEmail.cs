using System.Security.Claims;
using System.Runtime.ExceptionServices;
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
/// <summary>The outcome of claiming a message: the row to handle it under, or none (handled before, or <paramref name="Busy"/> elsewhere).</summary>
public readonly record struct InboundClaim(Guid? EntryId, bool Busy);

public static class ProcessInboundEmail
{
    public const string ClosedNotice = "helpdesk.reply_to_closed_ticket";
    /// <summary>The activity log action of an account made for a stranger's mail; also what the hourly cap counts.</summary>
    public const string AccountCreatedAction = "account.created_by_email";
    /// <summary>A claim older than this belonged to a poll that died; another poll may take the message over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, IUserClaimsPrincipalFactory<LapakUser> principals,
        TicketAccess access, ReplyToTicket.Handler reply, OpenTicket.Handler open, AccountMail accountMail, Notifier notifier,
        ActivityLog activity, IOptions<InboundMailOptions> options, IOptions<SmtpOptions> smtp, IOptions<LapakOptions> site,
        TimeProvider clock, LapakText text)
    {
        /// <summary>
        /// Claims the message by its Message-ID before anything else happens. A claim is the row in its "processing"
        /// state (Failed with <see cref="InboundReasons.Processing"/>, <see cref="InboundEmail.ReceivedAt"/> as the claim
        /// time); one older than <see cref="StaleClaim"/> belonged to a poll that crashed or was stopped, and is taken over.
        /// </summary>
        public async Task<InboundClaim> RecordAsync(MimeMessage message, CancellationToken ct)
        {
            var entry = NewEntry(MessageIdOf(message), SenderOf(message), message.Subject, InboundOutcome.Failed, InboundReasons.Processing);
            db.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(entry.Id, false);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var existing = await db.Set<InboundEmail>().AsNoTracking().Where(e => e.MessageId == entry.MessageId)
                    .Select(e => new { e.Id, e.Outcome, e.Detail, e.ReceivedAt }).SingleOrDefaultAsync(ct);
                if (existing is null) throw;
                if (existing.Outcome != InboundOutcome.Failed || existing.Detail != InboundReasons.Processing) return new(null, false);
                var now = clock.GetUtcNow().UtcDateTime;
                if (existing.ReceivedAt > now - StaleClaim) return new(null, true);
                // Only one of several pollers wins the takeover: the row must still hold the stale claim it saw.
                var taken = await db.Set<InboundEmail>()
                    .Where(e => e.Id == existing.Id && e.Outcome == InboundOutcome.Failed && e.Detail == InboundReasons.Processing && e.ReceivedAt == existing.ReceivedAt)
                    .ExecuteUpdateAsync(x => x.SetProperty(e => e.ReceivedAt, now), ct);
                return taken == 1 ? new(existing.Id, false) : new(null, true);
            }
        }

        /// <summary>
        /// Records a message that was not handled (too large, unreadable): finishes its own open claim, or adds a row.
        /// A row that already has an outcome is left as it is.
        /// </summary>
        public async Task NoteAsync(string messageId, string? from, string? subject, InboundOutcome outcome, string detail, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var updated = await db.Set<InboundEmail>()
                .Where(e => e.MessageId == messageId && e.Outcome == InboundOutcome.Failed && e.Detail == InboundReasons.Processing)
                .ExecuteUpdateAsync(x => x.SetProperty(e => e.Outcome, outcome).SetProperty(e => e.Detail, InboundMailText.Clean(detail, 1000)), ct);
            if (updated > 0) return;
            db.Add(NewEntry(messageId, from, subject, outcome, detail));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // recorded meanwhile: that record stands
        }

        private InboundEmail NewEntry(string messageId, string? from, string? subject, InboundOutcome outcome, string detail) => new()
        {
            MessageId = messageId, FromAddress = InboundMailText.Clean(from, 320), Subject = InboundMailText.Clean(subject, 300),
            ReceivedAt = clock.GetUtcNow().UtcDateTime, Outcome = outcome, Detail = InboundMailText.Clean(detail, 1000),
        };

        public async Task<InboundOutcome> HandleAsync(Guid entryId, MimeMessage message, CancellationToken ct)
        {
            var entry = await db.Set<InboundEmail>().SingleAsync(e => e.Id == entryId, ct);
            var from = SenderOf(message);
            var ignored = from is null ? InboundReasons.NoSender : IsAutomatic(message) ? InboundReasons.AutoReply
                : IsMailingList(message) ? InboundReasons.MailingList : IsOurs(message, from) ? InboundReasons.FromUs : null;
            if (ignored is not null) return await DoneAsync(entry, InboundOutcome.Ignored, ignored, null, ct);

            var code = await TicketCodeOfAsync(message);
            var ticket = code is null ? null : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Code == code, ct);
            return ticket is not null ? await ReplyAsync(entry, ticket, message, from!, ct) : await OpenAsync(entry, message, from!, ct);
        }

        private async Task<InboundOutcome> ReplyAsync(InboundEmail entry, Ticket ticket, MimeMessage message, string from, CancellationToken ct)
        {
            var sender = await users.FindByEmailAsync(from);
            if (sender is { IsActive: true } && await users.IsLockedOutAsync(sender))
                return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.LockedOut, ticket.Id, ct);
            var principal = sender is { IsActive: true } ? await principals.CreateAsync(sender) : null;
            var asCustomer = principal is not null && sender!.Id == ticket.CustomerId;
            var asStaff = principal is not null && !asCustomer
                && TicketAccess.Works(principal, ticket) && await access.Visible(principal).AnyAsync(t => t.Id == ticket.Id, ct);
            if (!asCustomer && !asStaff) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.NotAllowed, ticket.Id, ct);
            // A From header costs nothing to forge; a public reply in a staff member's name needs the mail server's word.
            if (asStaff && !options.Value.TrustStaffWithoutAuthentication && !MailAuthentication.Vouches(message, from, options.Value.AcceptAlignedSpf))
                return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.UnverifiedStaff, ticket.Id, ct);

            var body = InboundMailText.StripQuoted(InboundMailText.Body(message));
            if (body.Length == 0) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Empty, ticket.Id, ct);

            entry.Outcome = InboundOutcome.Replied;
            entry.TicketId = ticket.Id;
            entry.Detail = null;
            var (_, problem) = await reply.HandleAsync(principal!, ticket, new ReplyToTicket.Command
            {
                Body = InboundMailText.Clean(body, TicketMessage.BodyMaxLength), Via = TicketSource.Email, EmailMessageId = entry.MessageId,
            });
            if (problem == ReplyToTicket.Problem.None) return InboundOutcome.Replied;

            // Only a closed ticket refuses a public reply; the sender learns why instead of hearing nothing, but once a
            // day per ticket at most, so an autoresponder that slipped through cannot ping-pong with us.
            var thread = TicketMailThread.For(ticket.Code);
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            if (!await db.Set<Notification>().AnyAsync(n => n.UserId == sender!.Id && n.Kind == ClosedNotice && n.Thread == thread && n.CreatedAt >= since, ct))
            {
                var notice = notifier.SendAccountMail(sender!, ClosedNotice,
                    new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, support = options.Value.SupportAddress ?? "" }, "/helpdesk/new");
                notice.Thread = thread;
            }
            return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Closed, ticket.Id, ct);
        }

        private async Task<InboundOutcome> OpenAsync(InboundEmail entry, MimeMessage message, string from, CancellationToken ct)
        {
            var customer = await users.FindByEmailAsync(from);
            if (customer is { IsActive: false }) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.Inactive, null, ct);
            if (customer is not null && await users.IsLockedOutAsync(customer)) return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.LockedOut, null, ct);
            var typeId = await RequestTypeAsync(ct);
            if (typeId is null) return await DoneAsync(entry, InboundOutcome.Failed, InboundReasons.NoRequestType, null, ct);

            var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
            if (customer is null && await db.Set<ActivityEntry>().CountAsync(a => a.Action == AccountCreatedAction && a.At >= hourAgo, ct) >= options.Value.MaxNewAccountsPerHour)
                return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.TooManyAccounts, null, ct);
            if (customer is not null && await db.Set<Ticket>().IgnoreQueryFilters()
                    .CountAsync(t => t.CustomerId == customer.Id && t.Source == TicketSource.Email && t.CreatedAt >= hourAgo, ct) >= options.Value.MaxTicketsPerSenderPerHour)
                return await DoneAsync(entry, InboundOutcome.Ignored, InboundReasons.TooManyTickets, null, ct);

            var entryId = entry.Id;
            Exception refused;
            try { return await OpenInTransactionAsync(entry, message, from, customer, typeId.Value, ct); }
            catch (Exception ex) when (customer is null && ex is DbUpdateException or NewAccountRefused) { refused = ex; }
            // Another mail from the same new sender may have made the account meanwhile (unique user name): then theirs is used, once.
            db.ChangeTracker.Clear();
            customer = await users.FindByEmailAsync(from);
            if (customer is null && refused is NewAccountRefused) return await FailAsync(entryId, InboundReasons.BadAddress, ct);
            if (customer is null) ExceptionDispatchInfo.Throw(refused);
            entry = await db.Set<InboundEmail>().SingleAsync(e => e.Id == entryId, ct);
            return await OpenInTransactionAsync(entry, message, from, customer, typeId.Value, ct);
        }

        private async Task<InboundOutcome> OpenInTransactionAsync(InboundEmail entry, MimeMessage message, string from, LapakUser? customer, Guid typeId, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (customer is null)
            {
                customer = await CreateCustomerAsync(from);
                if (customer is null)
                {
                    db.ChangeTracker.Clear();
                    await tx.RollbackAsync(ct);
                    throw new NewAccountRefused();
                }
            }
            var language = customer.PreferredLanguage;
            var subject = InboundMailText.CleanSubject(InboundMailText.Clean(message.Subject, 1000));
            if (subject.Length < 3) subject = text.Get("E-mail without a subject", language);
            var description = InboundMailText.Body(message);
            if (description.Length == 0) description = subject;

            entry.Outcome = InboundOutcome.Opened;
            entry.Detail = null;
            var opened = await open.HandleAsync(await principals.CreateAsync(customer), new OpenTicket.Command
            {
                RequestTypeId = typeId, Subject = InboundMailText.Clean(subject, Ticket.SubjectMaxLength),
                Description = InboundMailText.Clean(description, Ticket.DescriptionMaxLength), Source = TicketSource.Email,
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

        /// <summary>Identity refused the new account: its address is unusable, or a concurrent mail made it meanwhile.</summary>
        private sealed class NewAccountRefused : Exception;

        /// <summary>
        /// A stranger who writes in gets a customer account like one an admin creates: no password, an unconfirmed
        /// address, and an invitation to choose a password. Saved with the ticket by the caller's transaction. The name
        /// is the address's local part: a display name is the sender's free text and would go into our invitation mail.
        /// </summary>
        private async Task<LapakUser?> CreateCustomerAsync(string from)
        {
            var user = new LapakUser
            {
                UserName = from, Email = from, FullName = InboundMailText.Clean(from.Split('@')[0], LapakUser.NameMaxLength),
                PreferredLanguage = LapakCultures.Indonesian, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Customer);
            if (!result.Succeeded) return null;
            await accountMail.QueueInvitationAsync(user, "Lapak");
            activity.Record(AccountCreatedAction, "user", user.Id.ToString(), detail: from, actorName: "e-mail");
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
            // The newest references are the ones that matter; a mail with thousands must not cost thousands of lookups.
            var ids = message.References.TakeLast(20).Append(message.InReplyTo ?? "").Where(i => i.Length > 0).ToList();
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
                .SetProperty(e => e.Outcome, InboundOutcome.Failed).SetProperty(e => e.Detail, InboundMailText.Clean(detail, 1000)), ct);
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

    /// <summary>Newsletters and list traffic are nobody's support request.</summary>
    public static bool IsMailingList(MimeMessage message) => message.Headers.Contains("List-Id") || message.Headers.Contains("List-Unsubscribe");

    public static string? SenderOf(MimeMessage message)
    {
        var address = message.From.Mailboxes.FirstOrDefault()?.Address?.Trim();
        return string.IsNullOrEmpty(address) || !address.Contains('@') ? null : address;
    }

    /// <summary>The Message-ID, or for a mail without one a stable stand-in made from its headers and text.</summary>
    public static string MessageIdOf(MimeMessage message) =>
        MessageIdOf(message.MessageId, $"{message.From}|{message.Date:O}|{message.Subject}|{message.TextBody ?? message.HtmlBody}");

    /// <summary><paramref name="messageId"/> when it is usable as a key, else a stable stand-in made from it and <paramref name="seed"/>.</summary>
    public static string MessageIdOf(string? messageId, string seed)
    {
        if (messageId is { Length: > 0 and <= 300 } id && InboundMailText.Clean(id, 300) == id) return id;
        return "lapak-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}|{seed}"))) + "@inbound";
    }

}
