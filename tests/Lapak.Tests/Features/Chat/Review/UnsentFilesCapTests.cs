using System.Net;
using System.Text;
using Lapak.Web.Features.Chat.Attachments;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.Attachments.ChatFiles;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Review;

/// <summary>
/// Unsent uploads are kept a day before the cleanup job removes them, so without a cap one account could fill the
/// disk with files it never sends. Past the cap an upload is refused (429) and nothing is stored; sending frees room.
/// </summary>
[Collection(Apps.Name)]
public sealed class UnsentFilesCapTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Uploads_past_the_cap_of_unsent_files_are_refused_and_store_nothing(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(a);
        var id = await StartAsync(api, b);
        // Drafts already waiting (their files need not exist for the count).
        await app.WithDbAsync(d =>
        {
            for (var i = 0; i < UploadChatAttachment.MaxUnsentPerUser; i++)
                d.Add(new ChatAttachment
                {
                    ConversationId = id, UploaderId = a.Id, FileName = $"f{i}.txt", ContentType = "text/plain", Size = 5,
                    StoragePath = $"private/chat/test/{Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow,
                });
            return d.SaveChangesAsync();
        });

        var refused = await UploadAsync(api, id, Encoding.UTF8.GetBytes("halo"), "catatan.txt", "text/plain");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(d => d.Set<ChatAttachment>().AnyAsync(x => x.UploaderId == a.Id && x.FileName == "catatan.txt")));

        // Someone else is not affected by my drafts.
        using var apiB = await app.ApiAsync(b);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(apiB, id, Encoding.UTF8.GetBytes("halo"), "catatan.txt", "text/plain")).StatusCode);
    }
}
