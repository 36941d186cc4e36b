using SkiaSharp;

namespace Lapak.Web.Infrastructure.Files;

/// <summary>
/// Checks that an upload really is a JPEG, PNG, GIF or WebP image (by decoding it, not by its name),
/// and re-encodes it square-cropped and resized, which also strips metadata such as GPS positions.
/// </summary>
public static class ImageUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];
    public const string Accept = "image/jpeg,image/png,image/gif,image/webp";

    public enum Problem { None, Empty, TooLarge, NotAnImage }

    public static async Task<(byte[]? Webp, Problem Problem)> SquareAsync(IFormFile file, int size, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, Problem.Empty);
        if (file.Length > MaxBytes) return (null, Problem.TooLarge);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return Square(buffer.ToArray(), size);
    }

    public static (byte[]? Webp, Problem Problem) Square(byte[] bytes, int size)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Webp))
            return (null, Problem.NotAnImage);
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null || decoded.Width == 0 || decoded.Height == 0) return (null, Problem.NotAnImage);
        using var source = ApplyOrientation(decoded, codec.EncodedOrigin);

        var side = Math.Min(source.Width, source.Height);
        var crop = new SKRectI((source.Width - side) / 2, (source.Height - side) / 2, (source.Width + side) / 2, (source.Height + side) / 2);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, SKRect.Create(crop.Left, crop.Top, crop.Width, crop.Height), SKRect.Create(0, 0, size, size),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Webp, 85);
        return (data.ToArray(), Problem.None);
    }

    private static SKBitmap ApplyOrientation(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return bitmap.Copy();
        var rotated = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(rotated ? bitmap.Height : bitmap.Width, rotated ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
