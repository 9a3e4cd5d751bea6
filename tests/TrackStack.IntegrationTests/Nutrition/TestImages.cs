using System.Buffers.Binary;
using SkiaSharp;

namespace TrackStack.IntegrationTests.Nutrition;

/// <summary>Images for the photo tests, drawn with Skia: the left half red, the right half blue, so a test can tell
/// which way up a stored photo is. <see cref="GpsJpeg"/> made tests/fixtures/nutrition/recipe-photo-gps.jpg.</summary>
internal static class TestImages
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var red = new SKPaint { Color = SKColors.Red })
        using (var blue = new SKPaint { Color = SKColors.Blue })
        {
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - width / 2f, height, blue);
        }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment written by hand: orientation 6 (turn 90° clockwise to show) and a GPS
    /// position (48° 51′ 29.64″ N, 2° 17′ 40.20″ E).</summary>
    public static byte[] GpsJpeg(int width, int height) => WithApp1(Encode(width, height, SKEncodedImageFormat.Jpeg), Exif(orientation: 6));

    /// <summary>Exif\0\0 and a little-endian TIFF: IFD0 (Orientation, GPS IFD pointer), then the GPS IFD and its rationals.</summary>
    public static byte[] Exif(ushort orientation)
    {
        var tiff = new byte[152];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        var at = 8;
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
            at += 12;
        }
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 2);
        at += 2;
        Entry(0x0112, 3, 1, orientation); // Orientation, SHORT
        Entry(0x8825, 4, 1, 38);          // GPS IFD at 38
        at += 4;                          // no next IFD
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 5);
        at += 2;
        Entry(0x0000, 1, 4, 0x0000_0302); // GPSVersionID 2.3.0.0
        Entry(0x0001, 2, 2, 'N');         // GPSLatitudeRef "N\0"
        Entry(0x0002, 5, 3, 104);         // GPSLatitude, 3 RATIONAL at 104
        Entry(0x0003, 2, 2, 'E');         // GPSLongitudeRef "E\0"
        Entry(0x0004, 5, 3, 128);         // GPSLongitude, 3 RATIONAL at 128
        at += 4;
        uint[] rationals = [48, 1, 51, 1, 2964, 100, 2, 1, 17, 1, 4020, 100];
        foreach (var r in rationals)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), r);
            at += 4;
        }
        return [.. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>The JPEG with an APP1 segment right after its start-of-image marker.</summary>
    public static byte[] WithApp1(byte[] jpeg, byte[] payload)
    {
        var length = (ushort)(payload.Length + 2);
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }

    /// <summary>The markers of a JPEG's header segments, up to the start of scan (APP1 = 0xE1 holds EXIF and XMP).</summary>
    public static List<byte> Markers(byte[] jpeg)
    {
        Assert.True(jpeg is [0xFF, 0xD8, ..], "not a JPEG");
        var markers = new List<byte>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            markers.Add(marker);
            if (marker == 0xDA) break;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        return markers;
    }

    /// <summary>A valid PNG header that declares 100,000 × 100,000 px (10 gigapixels, 40 GB decoded) in 60-odd bytes.</summary>
    public static byte[] PngBomb()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 100_000);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]; // a zlib stream of one zero byte
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = (byte[])[.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected polynomial 0xEDB88320) over a chunk's type and data.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320u : crc >> 1;
        }
        return ~crc;
    }
}
