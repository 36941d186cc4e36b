using System.IO.Compression;
using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>
/// The files a chat accepts, recognised by their bytes (<see cref="FileKinds"/>), never by name or the browser's
/// Content-Type. Stricter than tickets: chat is between strangers, so archives that may carry programs (ZIP),
/// Office files with macros, and text that a browser could render as a page (HTML, SVG, XML) are refused.
/// </summary>
public static class ChatFileTypes
{
    public static readonly FileKind[] Allowed =
        [FileKinds.Jpeg, FileKinds.Png, FileKinds.Webp, FileKinds.Gif, FileKinds.Pdf, FileKinds.Text, FileKinds.Csv, FileKinds.Docx, FileKinds.Xlsx];

    /// <summary>For the file picker and the browser's pre-check: a hint only, the server decides by the bytes.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,image/gif,application/pdf,text/plain,text/csv,.txt,.csv,.docx,.xlsx";

    /// <summary>Extensions the browser pre-check lets through (the same list as <see cref="Accept"/>).</summary>
    public static readonly string[] Extensions = [.. Allowed.SelectMany(k => k.Extensions).Distinct()];

    private static readonly string[] MarkupNames = [".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml", ".mht"];

    /// <summary>The kind of the file in <paramref name="content"/> (seekable, at position 0), or null when chat refuses it.</summary>
    public static FileKind? Detect(Stream content, string fileName)
    {
        var kind = FileKinds.Detect(content, fileName);
        if (kind is null || !Allowed.Contains(kind)) return null;
        if ((kind == FileKinds.Text || kind == FileKinds.Csv) && LooksLikeMarkup(content, fileName)) return null;
        if ((kind == FileKinds.Docx || kind == FileKinds.Xlsx) && HasMacros(content)) return null;
        return kind;
    }

    /// <summary>
    /// A text file whose name or first character says HTML, SVG or XML. Served as text/plain with nosniff it would be
    /// harmless here, but saved and opened by the receiver it runs in their browser.
    /// </summary>
    private static bool LooksLikeMarkup(Stream content, string fileName)
    {
        if (MarkupNames.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase)) return true;
        try
        {
            using var reader = new StreamReader(content, leaveOpen: true);
            var head = new char[1024];
            var read = reader.ReadBlock(head, 0, head.Length);
            var first = head.AsSpan(0, read).TrimStart().TrimStart('\uFEFF').TrimStart();
            return first.Length > 0 && first[0] == '<';
        }
        finally { content.Position = 0; }
    }

    private static bool HasMacros(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || e.FullName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && e.FullName.Contains("activeX", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException) { return true; }
        finally { content.Position = 0; }
    }
}
