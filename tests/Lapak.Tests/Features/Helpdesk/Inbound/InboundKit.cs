using Lapak.Web.Features.Helpdesk.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>Arrange and act steps for inbound mail: e-mails written as a mail client would, appended to the app's folder, one poll.</summary>
internal static class InboundKit
{
    public static MimeMessage Mail(string from, string to, string subject, string body, string? inReplyTo = null, string? fromName = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("client.x.test") };
        message.From.Add(new MailboxAddress(fromName ?? "", from));
        message.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>Appends <paramref name="messages"/> to the app's folder and runs one poll, as the background poller would.</summary>
    public static async Task<InboundPoll> DeliverAsync(LapakApp app, params MimeMessage[] messages)
    {
        foreach (var m in messages) await ImapBox.AppendAsync(app.InboundFolder!, m);
        return await PollAsync(app);
    }

    public static Task<InboundPoll> PollAsync(LapakApp app) => app.Services.GetRequiredService<InboundMailbox>().PollOnceAsync();

    public static Task<InboundEmail> EntryAsync(LapakApp app, MimeMessage message) =>
        app.WithDbAsync(d => d.Set<InboundEmail>().AsNoTracking().SingleAsync(e => e.MessageId == message.MessageId));

    private static readonly HttpClient MailWeb = new() { BaseAddress = new Uri($"http://127.0.0.1:{TestServices.MailWebPort}/") };

    /// <summary>The mail as it went over SMTP, parsed: MailDev's summary leaves out address headers such as Reply-To.</summary>
    public static async Task<MimeMessage> SourceAsync(ReceivedMail mail)
    {
        await using var raw = await MailWeb.GetStreamAsync($"api/email/{mail.Id}/source");
        return await MimeMessage.LoadAsync(raw);
    }

    /// <summary>A header of a mail MailDev caught, whatever its case.</summary>
    public static string? Header(ReceivedMail mail, string name) =>
        mail.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
