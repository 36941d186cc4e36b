using SkiaSharp;

namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>
/// The small copy an image message shows inline: at most <see cref="MaxSide"/> px on its longer side, upright (EXIF
/// orientation applied), WebP, without the original's metadata. The original stays as sent for download.
/// </summary>
public static class ChatImagePreview
{
    public const int MaxSide = 480;

    /// <summary>The preview and the upright size of the original, or null when the bytes do not decode as an image.</summary>
    public static (byte[] Webp, int Width, int Height)? Make(Stream content)
    {
        try
        {
            // SKCodec disposes a stream it is handed; the upload's stream is still needed for storing the original.
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            using var codec = SKCodec.Create(new SKMemoryStream(buffer.ToArray()));
            if (codec is null) return null;
            using var decoded = SKBitmap.Decode(codec);
            if (decoded is null || decoded.Width == 0 || decoded.Height == 0) return null;
            var sideways = codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom
                or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
            var (width, height) = sideways ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);

            var scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
            var (w, h) = (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
            using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White); // transparent PNGs and GIFs read well on the light bubble
            canvas.Scale((float)w / width, (float)h / height);
            Orient(canvas, codec.EncodedOrigin, decoded.Width, decoded.Height);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
            canvas.Flush();
            using var snapshot = surface.Snapshot();
            using var data = snapshot.Encode(SKEncodedImageFormat.Webp, 80);
            return data is null ? null : (data.ToArray(), width, height);
        }
        finally
        {
            if (content.CanSeek) content.Position = 0;
        }
    }

    /// <summary>Maps the stored pixels (<paramref name="w"/>×<paramref name="h"/>) onto the upright canvas.</summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int w, int h)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, w); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }
    }
}
