using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat;

/// <summary>
/// A few past chats between the demo accounts, so the inbox and the response analytics have something to show:
/// a buyer asking a seller about coffee, a customer's support chat with Customer Service, and an office order.
/// Rows are written directly with past timestamps; the running state (sequence, gaps, reply times, first response)
/// is computed the same way <see cref="Delivery.ChatWriter"/> computes it.
/// </summary>
public sealed class ChatDemoData(LapakDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    private sealed record Line(int AtSeconds, string Who, string Body);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<Conversation>().AnyAsync(ct)) return;
        var emails = new[] { "customer@lapak.test", "seller@lapak.test", "agent@lapak.test", "supervisor@lapak.test" };
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        if (users.Count < emails.Length) return;
        var team = await db.Set<Team>().Where(t => t.Name == "Customer Service").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var (budi, siti, agus, dewi) = (users["customer@lapak.test"], users["seller@lapak.test"], users["agent@lapak.test"], users["supervisor@lapak.test"]);
        var now = clock.GetUtcNow().UtcDateTime;
        var who = new Dictionary<string, Guid> { ["budi"] = budi, ["siti"] = siti, ["agus"] = agus, ["dewi"] = dewi };

        Direct(who, now.AddDays(-3).AddHours(-2), budi, siti,
        [
            new(0, "budi", "Halo Kak, kopi Gayo arabika 250 gram masih ada stok?"),
            new(20, "budi", "Mau yang sangrai medium kalau bisa."),
            new(14 * 60, "siti", "Halo Pak Budi, masih ada. Sangrai medium tinggal 6 bungkus."),
            new(14 * 60 + 45, "siti", "Biji utuh atau mau digiling sekalian?"),
            new(16 * 60, "budi", "Digiling untuk V60 ya Kak. Kalau ambil 2 bisa gratis ongkir ke Bekasi?"),
            new(17 * 60 + 30, "siti", "Bisa Pak, gratis ongkir untuk pembelian di atas Rp150.000. Dikirim besok pagi."),
            new(18 * 60, "budi", "Oke, saya pesan 2. Terima kasih!"),
            new(18 * 60 + 40, "siti", "Sama-sama Pak, pesanan segera saya proses 🙏"),
        ]);

        Direct(who, now.AddDays(-10).AddHours(-5), dewi, siti,
        [
            new(0, "dewi", "Selamat siang Bu Siti, kantor kami mau pesan kopi untuk pantry, sekitar 5 kg per bulan. Ada harga khusus?"),
            new(2 * 3600 + 10 * 60, "siti", "Selamat siang Bu Dewi. Untuk 5 kg per bulan ada potongan 10%, dan bisa dibuat faktur atas nama kantor."),
            new(2 * 3600 + 12 * 60, "dewi", "Baik, tolong kirimkan penawaran resminya ke email saya ya."),
            new(2 * 3600 + 13 * 60, "siti", "Siap Bu, hari ini saya kirim."),
        ]);

        if (team is { } teamId)
        {
            var start = now.AddDays(-5).AddHours(-3);
            var c = Start(start, budi, ConversationKind.Support);
            c.TeamId = teamId;
            c.CustomerId = budi;
            c.AgentId = agus;
            c.SupportState = SupportState.Closed;
            c.WaitingSince = start;
            c.PickedUpAt = start.AddMinutes(3);
            Write(c, who, start, [budi, agus],
            [
                new(0, "budi", "Selamat pagi, pesanan saya sudah dibayar kemarin tapi statusnya masih \"menunggu pembayaran\"."),
                new(3 * 60 + 5, "agus", "Selamat pagi Pak Budi, saya Agus dari Customer Service. Boleh dibantu nomor pesanannya?"),
                new(4 * 60, "budi", "Nomornya LPK-20261118-0042, bayar lewat transfer BCA."),
                new(9 * 60 + 30, "agus", "Terima kasih, sudah saya cek. Pembayaran Bapak masuk, hanya verifikasi bank tertunda. Status sudah saya perbarui."),
                new(10 * 60 + 15, "budi", "Sudah berubah jadi \"diproses\". Terima kasih banyak Mas Agus!"),
                new(11 * 60, "agus", "Sama-sama Pak. Ada lagi yang bisa dibantu?"),
                new(12 * 60, "budi", "Sudah cukup, terima kasih."),
            ]);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Direct(Dictionary<string, Guid> who, DateTime start, Guid starter, Guid other, Line[] lines)
    {
        var c = Start(start, starter, ConversationKind.Direct);
        c.PairKey = Conversation.PairKeyOf(starter, other);
        Write(c, who, start, [starter, other], lines);
    }

    private Conversation Start(DateTime start, Guid creator, ConversationKind kind)
    {
        var c = new Conversation { Kind = kind, CreatedById = creator, CreatedAt = start };
        db.Add(c);
        return c;
    }

    /// <summary>Adds the messages and members, moving the conversation's state on as the writer's <c>Record</c> does.</summary>
    private void Write(Conversation c, Dictionary<string, Guid> who, DateTime start, Guid[] members, Line[] lines)
    {
        foreach (var line in lines)
        {
            var at = start.AddSeconds(line.AtSeconds);
            var sender = who[line.Who];
            var message = new ChatMessage
            {
                ConversationId = c.Id, Seq = ++c.LastSeq, SenderId = sender, Kind = ChatMessageKind.Text, Body = line.Body,
                ClientKey = $"demo-{c.Id:N}-{c.LastSeq}", CreatedAt = at,
            };
            if (c.LastSentAt is { } previous) message.GapSeconds = Seconds(at - previous);
            if (c.StarterId is null)
            {
                c.StarterId = sender;
                c.FirstMessageAt = at;
            }
            if (c.LastSenderId != sender)
            {
                if (c.LastSenderId is not null && c.TurnStartedAt is { } turn)
                {
                    message.ReplySeconds = Seconds(at - turn);
                    if (c.FirstResponderId is null && sender != c.StarterId)
                    {
                        c.FirstResponderId = sender;
                        c.FirstResponseSeconds = Seconds(at - c.FirstMessageAt!.Value);
                    }
                }
                c.TurnStartedAt = at;
            }
            c.LastSenderId = sender;
            c.LastSentAt = at;
            c.LastMessageAt = at;
            var preview = string.Join(' ', line.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            c.LastPreview = preview.Length <= Conversation.PreviewLength ? preview : preview[..(Conversation.PreviewLength - 1)] + "…";
            db.Add(message);
        }
        foreach (var member in members)
            db.Add(new ConversationMember
            {
                ConversationId = c.Id, UserId = member, JoinedAt = start,
                LastDeliveredSeq = c.LastSeq, LastReadSeq = c.LastSeq, LastReadAt = c.LastMessageAt, DigestedSeq = c.LastSeq,
            });
    }

    private static int Seconds(TimeSpan span) => (int)Math.Clamp(Math.Round(span.TotalSeconds), 0, int.MaxValue);
}
