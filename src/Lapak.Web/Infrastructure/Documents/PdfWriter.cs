using QRCoder;
using SkiaSharp;

namespace Lapak.Web.Infrastructure.Documents;

/// <summary>
/// The fonts every Lapak document embeds (DejaVu Sans, shipped in the assembly): a fresh server has no system fonts,
/// and the PDF must read the same everywhere, Indonesian and English alike.
/// </summary>
public static class DocumentFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = typeof(DocumentFonts).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)!;
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {file} could not be loaded.");
    }
}

/// <summary>
/// A top-to-bottom A4 PDF writer over SkiaSharp's PDF backend: headings, wrapped text, label–value rows, simple tables
/// and QR codes, with new pages as the text runs over. Coordinates are PDF points (1/72 inch).
/// </summary>
public sealed class PdfWriter : IDisposable
{
    public const float PageWidth = 595, PageHeight = 842, Margin = 48;
    public const float ContentWidth = PageWidth - 2 * Margin;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29), Grey = new(0x6c, 0x75, 0x7d), Line = new(0xde, 0xe2, 0xe6);

    private readonly SKDocument _document;
    private SKCanvas? _page;
    private float _y;

    public PdfWriter(Stream output, string title, string? subject = null, string? author = "Lapak")
    {
        _document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = title, Subject = subject ?? "", Author = author ?? "", Creator = "Lapak", Producer = "Lapak",
            Creation = DateTime.UtcNow, Modified = DateTime.UtcNow, RasterDpi = 150,
        }) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        NewPage();
    }

    /// <summary>The current page's canvas, for drawing the writer does not offer (charts, logos).</summary>
    public SKCanvas Canvas => _page!;

    /// <summary>How far down the page the next line goes.</summary>
    public float Y { get => _y; set => _y = value; }

    public float Remaining => PageHeight - Margin - _y;

    public void NewPage()
    {
        if (_page is not null) _document.EndPage();
        _page = _document.BeginPage(PageWidth, PageHeight);
        _y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Need(float height)
    {
        if (Remaining < height) NewPage();
    }

    public void Heading(string text, float size = 18) => Text(text, size, bold: true, spaceAfter: size * 0.5f);

    public void Muted(string text, float size = 9) => Text(text, size, color: Grey);

    /// <summary>Wrapped text across the content width (or <paramref name="width"/>), starting at <paramref name="x"/>.</summary>
    public void Text(string text, float size = 10.5f, bool bold = false, SKColor? color = null, float x = Margin, float? width = null,
        float spaceAfter = 4)
    {
        using var font = Font(size, bold);
        using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
        var lineHeight = size * 1.35f;
        foreach (var line in Wrap(text, font, width ?? PageWidth - Margin - x))
        {
            Need(lineHeight);
            _page!.DrawText(line, x, _y + size, SKTextAlign.Left, font, paint);
            _y += lineHeight;
        }
        _y += spaceAfter;
    }

    /// <summary>A label in grey on the left and its value beside it, wrapped: "Cabang    Data Center Bintaro".</summary>
    public void Field(string label, string value, float labelWidth = 150, float size = 10.5f)
    {
        var top = _y;
        Need(size * 1.4f);
        if (_y < top) top = _y; // a new page started
        Text(label, size, color: Grey, spaceAfter: 0);
        var afterLabel = _y;
        _y = top;
        Text(value, size, x: Margin + labelWidth, width: ContentWidth - labelWidth, spaceAfter: 0);
        _y = Math.Max(_y, afterLabel) + 3;
    }

    /// <summary>A table with a bold header row; <paramref name="widths"/> are fractions of the content width.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float> widths, float size = 9.5f,
        IReadOnlySet<int>? rightAligned = null)
    {
        var columns = widths.Select(w => w * ContentWidth).ToArray();
        void Row(IReadOnlyList<string> cells, bool bold)
        {
            using var font = Font(size, bold);
            var lines = cells.Select((c, i) => Wrap(c, font, columns[i] - 6).ToList()).ToList();
            var height = lines.Max(l => Math.Max(1, l.Count)) * size * 1.35f + 6;
            if (Remaining < height) { NewPage(); if (!bold) Row(headers, true); }
            using var paint = new SKPaint { Color = Ink, IsAntialias = true };
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var ly = _y + 3 + size;
                foreach (var line in lines[i])
                {
                    var right = rightAligned?.Contains(i) == true;
                    _page!.DrawText(line, right ? x + columns[i] - 3 : x + 3, ly, right ? SKTextAlign.Right : SKTextAlign.Left, font, paint);
                    ly += size * 1.35f;
                }
                x += columns[i];
            }
            _y += height;
            using var rule = new SKPaint { Color = bold ? Ink : Line, StrokeWidth = bold ? 0.8f : 0.5f };
            _page!.DrawLine(Margin, _y, Margin + ContentWidth, _y, rule);
        }
        Row(headers, true);
        foreach (var row in rows) Row(row, false);
        _y += 8;
    }

    /// <summary>A QR code of <paramref name="text"/> drawn as vector squares, <paramref name="size"/> points wide, at (x, y).</summary>
    public void QrCode(string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        _page!.DrawRect(x, y, size, size, white);
        for (var row = 0; row < modules.Count; row++)
            for (var col = 0; col < modules[row].Count; col++)
                if (modules[row][col]) _page.DrawRect(x + col * cell, y + row * cell, cell, cell, black);
    }

    public void Rule()
    {
        using var paint = new SKPaint { Color = Line, StrokeWidth = 0.8f };
        _page!.DrawLine(Margin, _y, Margin + ContentWidth, _y, paint);
        _y += 8;
    }

    public static SKFont Font(float size, bool bold = false) => new(bold ? DocumentFonts.Bold : DocumentFonts.Regular, size);

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>, on spaces where it can.</summary>
    public static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) yield return line;
                line = word;
                // A single word wider than the line (a long code or address) is cut where it must be.
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && font.MeasureText(line[..fit]) > width) fit--;
                    yield return line[..fit];
                    line = line[fit..];
                }
            }
            yield return line;
        }
    }

    public void Dispose()
    {
        if (_page is not null) _document.EndPage();
        _page = null;
        _document.Close();
        _document.Dispose();
    }
}
