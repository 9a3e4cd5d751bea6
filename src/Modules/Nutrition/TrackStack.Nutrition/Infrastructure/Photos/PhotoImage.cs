using System.Security.Cryptography;
using SkiaSharp;

namespace TrackStack.Nutrition.Infrastructure.Photos;

/// <summary>A photo as stored: JPEG, sRGB, at most <see cref="MaxSide"/> px on the long side, the right way up, and
/// nothing of the upload's metadata (EXIF with its GPS position, XMP, comments): the pixels are decoded and encoded
/// anew, and Skia's encoder writes none of it.</summary>
internal sealed record PhotoImage(byte[] Jpeg, int Width, int Height, string Version)
{
    public const int MaxSide = 1600;

    /// <summary>Beyond this many pixels a declared size is refused from the header alone, before any pixel is
    /// decoded: a small file may claim 100,000 × 100,000 px (a decompression bomb).</summary>
    public const long MaxPixels = 50_000_000;

    private const int Quality = 85;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The photo re-encoded, or the reason in words (a 400) when the bytes are no JPEG, PNG or WebP image
    /// that decodes in full.</summary>
    public static (PhotoImage? Photo, string? Error) Reencode(byte[] data)
    {
        // By content, never by the file name or the type the browser sent.
        var format = Sniff(data);
        if (format is null) return (null, "The file is not a JPEG, PNG or WebP image.");
        using var codec = SKCodec.Create(SKData.CreateCopy(data));
        if (codec is null || codec.EncodedFormat != format) return (null, "The image could not be read; it may be damaged.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
            return (null, $"The image says it is {info.Width:N0} × {info.Height:N0} pixels; at most {MaxPixels / 1_000_000} megapixels are taken.");

        // JPEG decodes at 1/2, 1/4 or 1/8 for free: ask for twice the target (then resample) so quality stays.
        var longSide = Math.Max(info.Width, info.Height);
        var decodeSize = longSide > 2 * MaxSide ? codec.GetScaledDimensions(2f * MaxSide / longSide) : info.Size;
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        if (codec.GetPixels(decodeInfo, decoded.GetPixels()) != SKCodecResult.Success)
            return (null, "The image could not be decoded; it may be damaged or cut short.");

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decodeSize.Width, decodeSize.Height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(decodeSize.Width * scale)), Math.Max(1, (int)Math.Round(decodeSize.Height * scale)));
        using var resized = size == decodeSize ? null : decoded.Resize(size, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var source = resized ?? decoded;
        if (source is null) return (null, "The image could not be resized.");

        // Upright as the camera meant (EXIF orientation), flattened on white (JPEG has no transparency).
        var origin = codec.EncodedOrigin;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (size.Height, size.Width) : (size.Width, size.Height);
        using var upright = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(Orientation(origin, size.Width, size.Height));
            canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }
        using var pixmap = upright.PeekPixels();
        using var jpeg = pixmap.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        if (jpeg is null) return (null, "The image could not be encoded.");
        var bytes = jpeg.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        return (new PhotoImage(bytes, w, h, version), null);
    }

    private static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b is [0xFF, 0xD8, 0xFF, ..]) return SKEncodedImageFormat.Jpeg;
        if (b.StartsWith(Png)) return SKEncodedImageFormat.Png;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return SKEncodedImageFormat.Webp;
        return null;
    }

    /// <summary>Maps the stored pixels (width <paramref name="sw"/>, height <paramref name="sh"/>) to the upright image,
    /// for each of the eight EXIF orientations: x' = scaleX·x + skewX·y + transX, y' = skewY·x + scaleY·y + transY.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int sw, int sh) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, sw, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, sw, 0, -1, sh, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, sh, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, sh, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, sh, -1, 0, sw, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, sw, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
