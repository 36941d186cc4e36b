using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Attachments;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Lapak.Tests.Features.Chat.Attachments.ChatFiles;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Attachments;

/// <summary>Files in chat: checked by content, previewed, linked by the send, and handed out only to the conversation's readers.</summary>
[Collection(Apps.Name)]
public sealed class ChatAttachmentTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_image_gets_a_preview_travels_with_the_message_and_only_readers_download_it(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        using var apiC = await app.ApiAsync(stranger);
        var id = await StartAsync(apiA, b);
        var png = Png(1200, 800);

        var upload = await UploadAsync(apiA, id, png, "foto produk.png", "image/png");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var view = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var fileId = view.GetProperty("id").GetGuid();
        Assert.True(view.GetProperty("isImage").GetBoolean());
        Assert.Equal("image/png", view.GetProperty("contentType").GetString());
        Assert.Equal(png.Length, view.GetProperty("size").GetInt64());
        Assert.Equal((1200, 800), (view.GetProperty("width").GetInt32(), view.GetProperty("height").GetInt32()));
        var url = view.GetProperty("url").GetString()!;
        var previewUrl = view.GetProperty("previewUrl").GetString()!;

        // The preview is a WebP of at most 480 px, same proportions.
        var preview = await apiA.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/webp", preview.Content.Headers.ContentType?.MediaType);
        using (var bitmap = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync()))
            Assert.Equal((480, 320), (bitmap.Width, bitmap.Height));
        var row = Assert.Single(await RowsAsync(app, id));
        Assert.Null(row.MessageId);
        Assert.NotNull(row.PreviewPath);

        // Not sent yet: the other member cannot fetch the uploader's draft.
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.GetAsync(url)).StatusCode);

        var sent = await SendAsync(apiA, id, "Ini fotonya", attachmentIds: [fileId]);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(fileId, Assert.Single(message.GetProperty("attachments").EnumerateArray()).GetProperty("id").GetGuid());
        var listed = Assert.Single(await MessagesAsync(apiB, id));
        Assert.Equal(url, Assert.Single(listed.GetProperty("attachments").EnumerateArray()).GetProperty("url").GetString());

        var download = await apiB.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));

        // Pages show it through the cookie, the same check.
        using var pagesB = await app.SignInAsync(b);
        Assert.Equal(HttpStatusCode.OK, (await pagesB.Http.GetAsync(previewUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await apiC.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiC.GetAsync(previewUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(apiC, id, png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiC.GetAsync($"/api/v1/chat/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_document_is_offered_as_a_download_under_a_safe_name(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);

        var pdf = await UploadedAsync(apiA, id, Pdf(), "invoice.pdf");
        var docx = await UploadedAsync(apiA, id, Zip("[Content_Types].xml", "word/document.xml"), "surat.docx");
        var text = await UploadedAsync(apiA, id, Text("Ukuran: 42\nWarna: hitam\n"), "catatan");
        Assert.False(pdf.GetProperty("isImage").GetBoolean());
        Assert.True(pdf.GetProperty("previewUrl").ValueKind == JsonValueKind.Null);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.GetProperty("contentType").GetString());
        Assert.Equal("catatan.txt", text.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(apiA, id, "", attachmentIds:
            [pdf.GetProperty("id").GetGuid(), docx.GetProperty("id").GetGuid(), text.GetProperty("id").GetGuid()])).StatusCode);

        var download = await apiB.GetAsync(pdf.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("invoice.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.GetAsync(pdf.GetProperty("url").GetString() + "/preview")).StatusCode);
    }

    private static readonly Dictionary<string, Func<byte[]>> ForbiddenFiles = new()
    {
        ["foto.png"] = Exe, // a program renamed
        ["halaman.html"] = () => Text("<!doctype html><script>alert(1)</script>"),
        ["catatan.txt"] = () => Text("  <html><body onload=alert(1)>"),
        ["gambar.svg"] = () => Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ["arsip.zip"] = () => Zip("setup.exe"),
        ["makro.docx"] = () => Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
        ["rusak.png"] = () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4],
    };

    public static TheoryData<Db, string> Forbidden()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var name in ForbiddenFiles.Keys) data.Add(db, name);
        return data;
    }

    [Theory, MemberData(nameof(Forbidden))]
    public async Task A_forbidden_type_is_refused_by_its_content_and_nothing_is_stored(Db db, string fileName)
    {
        var content = ForbiddenFiles[fileName]();
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);

        var response = await UploadAsync(apiA, id, content, fileName, "image/png");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("file").EnumerateArray()).GetString();
        Assert.Contains(fileName, message);
        Assert.Equal(message, problem.GetProperty("detail").GetString());
        Assert.Empty(await RowsAsync(app, id));
        Assert.Empty(StoredFiles(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_refusal_is_in_the_readers_language(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);

        var indonesian = await (await UploadAsync(apiA, id, Exe(), "a.png")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("tidak diterima di chat", indonesian.GetProperty("detail").GetString());
        await app.WithDbAsync(d => d.Users.Where(u => u.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "en")));
        using var englishA = await app.ApiAsync(a);
        var english = await (await UploadAsync(englishA, id, Exe(), "a.png")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("is not a file type chat accepts", english.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_over_the_configured_limit_is_refused(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?> { ["Chat:MaxAttachmentBytes"] = "2048" });
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(apiA, id, Text(new string('a', 2048)), "pas.txt")).StatusCode);
        var response = await UploadAsync(apiA, id, Text(new string('a', 5000)), "besar.txt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("besar.txt", problem.GetProperty("detail").GetString());
        Assert.Contains("2 KB", problem.GetProperty("detail").GetString());
        Assert.Single(await RowsAsync(app, id));

        var empty = await UploadAsync(apiA, id, [], "kosong.txt");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Someone_elses_upload_cannot_be_sent_and_no_message_is_stored(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, c) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        using var apiC = await app.ApiAsync(c);
        var ab = await StartAsync(apiA, b);
        var cb = await StartAsync(apiC, b);
        var bsFile = (await UploadedAsync(apiB, ab, Pdf(), "b.pdf")).GetProperty("id").GetGuid();
        var csFile = (await UploadedAsync(apiC, cb, Pdf(), "c.pdf")).GetProperty("id").GetGuid();

        foreach (var stolen in new[] { bsFile, csFile, Guid.NewGuid() })
        {
            var response = await SendAsync(apiA, ab, "lihat", attachmentIds: [stolen]);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("attachmentIds", out _));
        }
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == ab)));
        Assert.All(await RowsAsync(app, ab), r => Assert.Null(r.MessageId));

        // A file already sent cannot ride on a second message either.
        var mine = (await UploadedAsync(apiA, ab, Pdf(), "a.pdf")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(apiA, ab, "satu", attachmentIds: [mine])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(apiA, ab, "dua", attachmentIds: [mine])).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == ab)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Uploads_never_sent_are_removed_after_a_day_and_sent_ones_stay(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        var sent = (await UploadedAsync(apiA, id, Png(60, 40), "kirim.png")).GetProperty("id").GetGuid();
        var stale = (await UploadedAsync(apiA, id, Png(60, 40), "lupa.png")).GetProperty("id").GetGuid();
        var fresh = (await UploadedAsync(apiA, id, Pdf(), "baru.pdf")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(apiA, id, "ini", attachmentIds: [sent])).StatusCode);
        Assert.Equal(5, StoredFiles(app, id).Length); // two images with their previews, one PDF
        var old = DateTime.UtcNow.AddDays(-2);
        await app.WithDbAsync(d => d.Set<ChatAttachment>().Where(x => x.Id == sent || x.Id == stale)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, old)));

        var cleanup = (UnsentAttachmentCleanup)app.Services.GetService(typeof(UnsentAttachmentCleanup))!;
        Assert.True(await cleanup.RunOnceAsync() >= 1);

        var left = (await RowsAsync(app, id)).Select(r => r.Id).ToHashSet();
        Assert.True(left.SetEquals([sent, fresh]), string.Join(", ", left));
        Assert.Equal(3, StoredFiles(app, id).Length);
    }
}
