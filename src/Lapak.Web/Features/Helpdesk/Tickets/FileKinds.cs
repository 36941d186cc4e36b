using System.IO.Compression;
using System.Text;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>What a file really is, with the content type it is served with and the extensions its name may end in.</summary>
public sealed record FileKind(string ContentType, string[] Extensions, bool IsImage = false)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// Recognises the file types a ticket accepts by their first bytes (magic numbers), never by the name or the
/// browser's Content-Type, which anyone can set: a program renamed "invoice.pdf" is still refused.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Jpeg = new("image/jpeg", [".jpg", ".jpeg"], IsImage: true);
    public static readonly FileKind Png = new("image/png", [".png"], IsImage: true);
    public static readonly FileKind Gif = new("image/gif", [".gif"], IsImage: true);
    public static readonly FileKind Webp = new("image/webp", [".webp"], IsImage: true);
    public static readonly FileKind Pdf = new("application/pdf", [".pdf"]);
    public static readonly FileKind Zip = new("application/zip", [".zip"]);
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Text = new("text/plain", [".txt", ".log"]);
    public static readonly FileKind Csv = new("text/csv", [".csv"]);

    /// <summary>For the file picker: a hint only, the server decides by the bytes.</summary>
    public const string Accept = "image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain,text/csv,.csv,.txt,.docx,.xlsx,.zip";

    /// <summary>The kind of the file in <paramref name="content"/> (a seekable stream at position 0), or null when it is not accepted.</summary>
    public static FileKind? Detect(Stream content, string fileName)
    {
        Span<byte> head = stackalloc byte[16];
        var read = ReadHead(content, head);
        var h = head[..read];
        content.Position = 0;

        if (h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (h.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return Gif;
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (h.StartsWith("%PDF-"u8)) return Pdf;
        if (h.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }) || h.StartsWith(new byte[] { 0x50, 0x4B, 0x05, 0x06 })) return Archive(content);
        if (read == 0) return null;
        return IsText(content) ? (Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text) : null;
    }

    /// <summary>
    /// The name the file is stored and offered under: no folders, no control characters, and an extension that
    /// matches what the file really is, so a text file called "page.html" is downloaded as "page.html.txt".
    /// </summary>
    public static string SafeName(string fileName, FileKind kind)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            clean.Append(char.IsControl(c) || c is '"' or '/' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        name = clean.ToString().Trim().Trim('.');
        if (name.Length == 0) name = "file";
        if (!kind.Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) name += kind.Extension;
        if (name.Length > 200) name = name[..(200 - kind.Extension.Length)] + kind.Extension;
        return name;
    }

    private static int ReadHead(Stream content, Span<byte> head)
    {
        var total = 0;
        while (total < head.Length)
        {
            var n = content.Read(head[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Word and Excel files are ZIP archives too; what they hold tells them apart. A broken archive is refused.</summary>
    private static FileKind? Archive(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml")) return Docx;
            if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml")) return Xlsx;
            return Zip;
        }
        catch (InvalidDataException) { return null; }
        finally { content.Position = 0; }
    }

    /// <summary>Plain text and CSV have no magic number: they are accepted when the whole file is valid UTF-8 without NUL bytes.</summary>
    private static bool IsText(Stream content)
    {
        try
        {
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var buffer = new byte[64 * 1024];
            var chars = new char[buffer.Length + 4];
            int n;
            while ((n = content.Read(buffer)) > 0)
            {
                if (buffer.AsSpan(0, n).Contains((byte)0)) return false;
                decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            }
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException) { return false; }
        finally { content.Position = 0; }
    }
}
