using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Lapak.Tests.Features.Chat.Attachments;

/// <summary>Files for chat tests: real images and documents made on the spot, and the upload call.</summary>
public static class ChatFiles
{
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.SeaGreen);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A Windows program's first bytes: "MZ", the DOS stub, then padding.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[200]];

    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        return buffer.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid conversation, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/conversations/{conversation}/attachments", form);
    }

    public static async Task<JsonElement> UploadedAsync(HttpClient client, Guid conversation, byte[] content, string fileName)
    {
        var response = await UploadAsync(client, conversation, content, fileName);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<List<ChatAttachment>> RowsAsync(LapakApp app, Guid conversation) =>
        app.WithDbAsync(db => db.Set<ChatAttachment>().AsNoTracking().Where(a => a.ConversationId == conversation).ToListAsync());

    /// <summary>The files the store holds for a conversation's chat uploads.</summary>
    public static string[] StoredFiles(LapakApp app, Guid conversation)
    {
        var store = (FileStore)app.Services.GetService(typeof(FileStore))!;
        var folder = Path.Combine(store.Root, FileStore.PrivateFolder, "chat", conversation.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
}
