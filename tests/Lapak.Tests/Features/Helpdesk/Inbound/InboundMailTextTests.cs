using Lapak.Web.Features.Helpdesk.Inbound;
using MimeKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>Reading an e-mail as a person would: what they wrote, not the history their client quoted below it.</summary>
public sealed class InboundMailTextTests
{
    [Theory]
    [InlineData("Sudah normal lagi.\n\nOn Tue, 24 Nov 2026 at 10:00, Lapak <no-reply@lapak.test> wrote:\n> Ticket resolved")]
    [InlineData("Sudah normal lagi.\n\nPada Sel, 24 Nov 2026 pukul 10.00 Lapak <no-reply@lapak.test> menulis:\n> Tiket selesai")]
    [InlineData("Sudah normal lagi.\nOn Tue, 24 Nov 2026 at 10:00, Lapak\n<no-reply@lapak.test> wrote:\n> Ticket resolved")]
    [InlineData("Sudah normal lagi.\n\n-----Original Message-----\nFrom: Lapak\nSubject: Ticket resolved")]
    [InlineData("Sudah normal lagi.\n\nFrom: Lapak <no-reply@lapak.test>\nSent: Tuesday, 24 November 2026 10:00\nTo: Budi")]
    [InlineData("Sudah normal lagi.\n> quoted line\n> another")]
    [InlineData("Sudah normal lagi.\n-- \nBudi Santoso\n0812 3456 7890")]
    public void Quoted_history_and_signatures_are_cut_from_a_reply(string body) =>
        Assert.Equal("Sudah normal lagi.", InboundMailText.StripQuoted(body));

    [Fact]
    public void A_reply_keeps_every_line_the_sender_wrote() =>
        Assert.Equal("Baris satu.\n\nOn second thought, baris dua.", InboundMailText.StripQuoted("Baris satu.\n\nOn second thought, baris dua.\n"));

    [Theory]
    [InlineData("Re: [#K7MQ-X9AR] Internet mati", "Internet mati")]
    [InlineData("RE: Fwd: Bls: Tagihan dobel", "Tagihan dobel")]
    [InlineData("Internet mati", "Internet mati")]
    public void Reply_prefixes_and_the_ticket_tag_are_not_part_of_a_new_ticket_subject(string subject, string expected) =>
        Assert.Equal(expected, InboundMailText.CleanSubject(subject));

    [Fact]
    public void An_html_only_mail_is_read_as_text()
    {
        var message = new MimeMessage { Body = new TextPart("html") { Text = "<p>Halo,<br>internet <b>mati</b>.</p><style>p{}</style><div>Budi &amp; keluarga</div>" } };
        Assert.Equal("Halo,\ninternet mati.\nBudi & keluarga", InboundMailText.Body(message));
    }

    [Theory]
    [InlineData("ticket-K7MQ-X9AR@lapak.example.id", "K7MQX9AR")]
    [InlineData("<ticket-K7MQ-X9AR@LAPAK.example.id>", "K7MQX9AR")]
    [InlineData("ticket-K7MQ-X9AR@evil.example", null)]
    [InlineData("ticket-K0MQ-X9AR@lapak.example.id", null)]
    public void Only_our_own_thread_ids_name_a_ticket(string id, string? code) =>
        Assert.Equal(code, TicketMailThread.CodeFromMessageIds([id], "lapak.example.id"));

    [Fact]
    public void A_mail_without_a_message_id_is_known_by_the_same_stand_in_each_time_it_is_fetched()
    {
        MimeMessage Fetch()
        {
            var m = new MimeMessage { Subject = "Halo", Date = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), Body = new TextPart("plain") { Text = "Halo." } };
            m.From.Add(MailboxAddress.Parse("a@x.test"));
            m.Headers.Remove(HeaderId.MessageId); // MimeKit gives every new message one
            return m;
        }
        Assert.Equal(ProcessInboundEmail.MessageIdOf(Fetch()), ProcessInboundEmail.MessageIdOf(Fetch()));
        var other = Fetch();
        other.Subject = "Halo lagi";
        Assert.NotEqual(ProcessInboundEmail.MessageIdOf(Fetch()), ProcessInboundEmail.MessageIdOf(other));
    }

    [Fact]
    public void A_subject_tag_names_a_ticket() =>
        Assert.Equal("K7MQX9AR", TicketMailThread.CodeFromSubject("Re: [#K7MQ-X9AR] Internet mati"));

    [Theory]
    [InlineData("Tagihan\0 dobel\u0007", 300, "Tagihan dobel")]
    [InlineData("Baris\r\nbaris\rbaris\tkolom", 300, "Baris\nbaris\nbaris\tkolom")]
    [InlineData("Senyum \ud83d\ude00", 300, "Senyum \ud83d\ude00")]
    [InlineData("ab\ud83d\ude00", 3, "ab")]
    [InlineData("ab\ud83d\ude00", 4, "ab\ud83d\ude00")]
    public void Stored_text_keeps_no_control_characters_and_is_never_cut_inside_a_surrogate_pair(string raw, int max, string expected) =>
        Assert.Equal(expected, InboundMailText.Clean(raw, max));

    [Fact]
    public void Halves_of_surrogate_pairs_are_dropped() =>
        // Built in code: test data would turn a lone surrogate into U+FFFD on its way to the runner.
        Assert.Equal("Lone  half  pair", InboundMailText.Clean("Lone " + (char)0xD83D + " half " + (char)0xDE00 + " pair", 300));

    [Fact]
    public async Task Megabytes_of_angle_brackets_are_read_in_linear_time()
    {
        var html = new string('<', 1_000_000);
        var message = new MimeMessage { Subject = new string('[', 100_000), Body = new TextPart("html") { Text = html + "<script" + html } };

        var work = Task.Run(() => (InboundMailText.Body(message), InboundMailText.CleanSubject(message.Subject), InboundMailText.StripQuoted(html)));

        var (body, _, _) = await work.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(body.Length <= InboundMailText.MaxTextLength);
    }
}
