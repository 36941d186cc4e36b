using System.Net.Http.Json;
using Lapak.Web.Features.Chat.Digest;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Digest;

/// <summary>
/// The unread digest with a clock the test holds (the hosted job looks once a day here, so only the test runs it):
/// one e-mail per conversation and unread episode, none when read in time or when e-mail is switched off.
/// </summary>
[Collection(Apps.Name)]
public sealed class UnreadDigestTests
{
    private static Task<LapakApp> StartAppAsync(Db db) =>
        LapakApp.StartAsync(db, new Dictionary<string, string?> { ["Chat:UnreadDigestInterval"] = "1.00:00:00" });

    private static DateTime Later(int minutes) => DateTime.UtcNow.AddMinutes(minutes);

    private static Task<List<Notification>> DigestsAsync(LapakApp app, TestUser user) =>
        app.WithDbAsync(d => d.Set<Notification>().Include(n => n.Deliveries)
            .Where(n => n.UserId == user.Id && n.Kind == UnreadDigest.Notification).OrderBy(n => n.CreatedAt).ToListAsync());

    /// <summary>Waits for the outbox to send, then counts what really reached MailDev.</summary>
    private static async Task<int> MailsAfterAWhileAsync(LapakApp app, TestUser user)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (await app.Mail.AllToAsync(user.Email)).Count;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Three_unread_messages_make_one_email_even_with_two_runners_and_new_messages_make_another(Db db)
    {
        await using var app = await StartAppAsync(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        foreach (var body in new[] { "Kak, ready?", "Ukuran M ada?", "Warna hitam ya" }) await SentAsync(apiA, id, body);
        var digest = app.Services.GetRequiredService<UnreadDigest>();

        Assert.Equal(0, await digest.RunOnceAsync(Later(5)));
        var runs = await Task.WhenAll(digest.RunOnceAsync(Later(11)), app.Services.GetRequiredService<UnreadDigest>().RunOnceAsync(Later(11)));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await digest.RunOnceAsync(Later(30)));

        var mail = await app.Mail.WaitForAsync(b.Email);
        Assert.Contains(a.FullName, mail.Subject);
        Assert.Contains("\"count\":3", Assert.Single(await DigestsAsync(app, b)).Data);
        Assert.Contains("Warna hitam ya", mail.Text);
        Assert.Contains($"/chat/{id}", mail.Text);
        Assert.Equal(1, await MailsAfterAWhileAsync(app, b));
        Assert.Empty(await DigestsAsync(app, a)); // the sender is not told about their own messages
        var member = await app.WithDbAsync(d => d.Set<ConversationMember>().SingleAsync(m => m.ConversationId == id && m.UserId == b.Id));
        Assert.Equal(3, member.DigestedSeq);

        await SentAsync(apiA, id, "Halo kak?");
        Assert.Equal(1, await digest.RunOnceAsync(Later(45)));
        var second = await DigestsAsync(app, b);
        Assert.Equal(2, second.Count);
        Assert.Contains("\"count\":1", second[1].Data);
        await app.Mail.WaitForAsync(b.Email, m => m.Text?.Contains("Halo kak?") == true);
        Assert.Equal(2, await MailsAfterAWhileAsync(app, b));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Messages_read_in_time_send_nothing(Db db)
    {
        await using var app = await StartAppAsync(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Satu");
        await SentAsync(apiA, id, "Dua");
        (await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/read", new { seq = 2 })).EnsureSuccessStatusCode();

        Assert.Equal(0, await app.Services.GetRequiredService<UnreadDigest>().RunOnceAsync(Later(15)));
        Assert.Empty(await DigestsAsync(app, b));
        Assert.Equal(0, await MailsAfterAWhileAsync(app, b));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_who_switched_email_off_gets_the_digest_in_the_app_only(Db db)
    {
        await using var app = await StartAppAsync(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        await app.WithDbAsync(async d =>
        {
            var user = await d.Users.SingleAsync(u => u.Id == b.Id);
            user.NotifyEmail = false;
            return await d.SaveChangesAsync();
        });
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Halo");

        Assert.Equal(1, await app.Services.GetRequiredService<UnreadDigest>().RunOnceAsync(Later(11)));
        var digest = Assert.Single(await DigestsAsync(app, b));
        Assert.DoesNotContain(digest.Deliveries, x => x.Channel == NotificationChannel.Email);
        Assert.Contains(digest.Deliveries, x => x.Channel == NotificationChannel.InApp);
        Assert.Equal(0, await MailsAfterAWhileAsync(app, b));
    }
}
