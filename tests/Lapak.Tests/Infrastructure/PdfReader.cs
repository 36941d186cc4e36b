using System.Diagnostics;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Lapak.Tests.Infrastructure;

/// <summary>
/// Reads a PDF back the way a person would: its text (poppler's <c>pdftotext</c>) and the QR codes on its pages
/// (rendered by <c>pdftoppm</c>, decoded by ZXing). Both poppler tools come with the test script's install.
/// </summary>
public static class PdfReader
{
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("lapak-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftotext", "-layout", file, Path.Combine(dir.FullName, "doc.txt"));
            return await File.ReadAllTextAsync(Path.Combine(dir.FullName, "doc.txt"));
        }
        finally { dir.Delete(true); }
    }

    /// <summary>The text of every QR code on the first page.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("lapak-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir.FullName, "page"));
            using var bitmap = SKBitmap.Decode(Path.Combine(dir.FullName, "page.png"));
            var luminance = new byte[bitmap.Width * bitmap.Height];
            for (var y = 0; y < bitmap.Height; y++)
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    luminance[y * bitmap.Width + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
                }
            var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
            var reader = new MultiFormatReader();
            var hints = new Dictionary<DecodeHintType, object>
            {
                [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
                [DecodeHintType.TRY_HARDER] = true,
            };
            var result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
            return result is null ? [] : [result.Text];
        }
        finally { dir.Delete(true); }
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
    }
}
