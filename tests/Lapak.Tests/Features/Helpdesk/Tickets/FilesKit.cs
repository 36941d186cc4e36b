using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Files as people attach them (real magic numbers), multipart forms, and what the store and the database hold.</summary>
internal static class FilesKit
{
    public static byte[] Pdf(string marker = "") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The 1×1 PNG every browser shows.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows program: what an ".exe renamed .pdf" really is.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[200]];

    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    public static ByteArrayContent File(byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static MultipartFormDataContent Form(Dictionary<string, string> fields, string fileField, params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        foreach (var (name, bytes, type) in files) form.Add(File(bytes, type), fileField, name);
        return form;
    }

    public static Task<List<TicketAttachment>> AttachmentsAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => (from a in d.Set<TicketAttachment>() join t in d.Set<Ticket>() on a.TicketId equals t.Id
                              where t.Code == code orderby a.CreatedAt select a).AsNoTracking().ToListAsync());

    /// <summary>Every ticket file in the store: a refused upload must leave none behind.</summary>
    public static string[] StoredFiles(LapakApp app)
    {
        var folder = Path.Combine(app.Services.GetRequiredService<FileStore>().Root, FileStore.PrivateFolder, "helpdesk");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    public static Task<int> AttachmentRowsAsync(LapakApp app) => app.WithDbAsync(d => d.Set<TicketAttachment>().CountAsync());
}
