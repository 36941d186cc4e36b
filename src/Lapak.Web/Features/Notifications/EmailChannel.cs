using System.Net;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapak.Web.Features.Notifications;

/// <summary>Sends the notification as an HTML + text e-mail in the recipient's language over SMTP (MailKit).</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> smtp, IOptions<LapakOptions> site, NotificationTemplates templates,
    Infrastructure.Localization.LapakText text) : IDeliveryChannel, IAsyncDisposable
{
    public NotificationChannel Channel => NotificationChannel.Email;

    // One SMTP connection per scope (the outbox's batch): a batch of twenty mails costs one handshake, not twenty.
    private SmtpClient? _client;

    public async Task DeliverAsync(Notification n, LapakUser user, CancellationToken ct)
    {
        var message = Compose(n, user);
        var reused = _client is { IsConnected: true };
        try
        {
            await (await ConnectedAsync(ct)).SendAsync(message, ct);
        }
        catch (Exception) when (reused && !ct.IsCancellationRequested)
        {
            // The server may have dropped an idle connection: one more try on a fresh one before it counts as a failure.
            await DropAsync();
            await (await ConnectedAsync(ct)).SendAsync(message, ct);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync();
        var o = smtp.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.Security, ct);
            if (!string.IsNullOrEmpty(o.Username)) await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return _client = client;
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(true); }
        catch (Exception) { /* already gone */ }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    public MimeMessage Compose(Notification n, LapakUser user)
    {
        var lang = user.PreferredLanguage;
        var r = templates.Render(n, lang);
        var o = smtp.Value;
        var link = r.Link is null ? null : AbsoluteLink(r.Link);
        var host = new Uri(site.Value.PublicUrl).Host;
        var message = new MimeMessage
        {
            Subject = r.Title,
            // One notification is one message id: a retried send is recognisable as the same mail.
            MessageId = $"{n.Id:N}@{host}",
        };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(user.FullName, user.Email!));
        message.Headers.Add("X-Lapak-Notification", n.Kind);
        // Machine-sent (RFC 3834): autoresponders and Exchange stay silent, so no mail loop starts with an out-of-office.
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        if (n.Thread is { Length: > 0 } thread) AddThread(message, thread, host, o.ThreadReplyTo);

        var footer = text.Get("You receive this e-mail because you have an account at Lapak.", lang);
        var body = new BodyBuilder
        {
            TextBody = $"{r.Title}\n\n{r.Body}\n\n" + (link is null ? "" : $"{r.Action ?? link}: {link}\n\n") + "-- \nLapak\n" + footer,
            HtmlBody = $$"""
                <!doctype html><html lang="{{lang}}"><body style="margin:0;background:#f4f6f8;font-family:Arial,sans-serif;color:#1f2933">
                <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
                <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#fff;border-radius:8px;padding:24px">
                <tr><td style="font-size:20px;font-weight:bold;color:#0b6e4f;padding-bottom:12px">Lapak</td></tr>
                <tr><td style="font-size:18px;font-weight:bold;padding-bottom:8px">{{E(r.Title)}}</td></tr>
                <tr><td style="font-size:15px;line-height:1.5;padding-bottom:16px">{{E(r.Body)}}</td></tr>
                {{(link is null ? "" : $"<tr><td style=\"padding-bottom:16px\"><a href=\"{E(link)}\" style=\"background:#0b6e4f;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block\">{E(r.Action ?? link)}</a></td></tr><tr><td style=\"font-size:12px;color:#52606d;word-break:break-all\">{E(link)}</td></tr>")}}
                <tr><td style="font-size:12px;color:#7b8794;padding-top:16px">{{E(footer)}}</td></tr>
                </table></td></tr></table></body></html>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Every mail of a thread points at one made-up root message, so mail clients group them and an answer carries
    /// the thread back to us. The key of thread "ticket-K7MQ-X9AR" also goes into the subject ("[#K7MQ-X9AR] …")
    /// for clients that drop those headers.
    /// </summary>
    private static void AddThread(MimeMessage message, string thread, string host, string? replyTo)
    {
        var root = $"{thread}@{host}";
        message.InReplyTo = root;
        message.References.Add(root);
        var key = thread.IndexOf('-') is var dash and >= 0 ? thread[(dash + 1)..] : thread;
        if (message.Subject?.Contains($"[#{key}]", StringComparison.Ordinal) != true) message.Subject = $"[#{key}] {message.Subject}";
        if (!string.IsNullOrWhiteSpace(replyTo)) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
    }

    private string AbsoluteLink(string link) =>
        // "/account/…" parses as an absolute file:// URI on Unix, so only http(s) counts as already absolute.
        Uri.TryCreate(link, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps)
            ? abs.ToString() : new Uri(new Uri(site.Value.PublicUrl), link).ToString();

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
