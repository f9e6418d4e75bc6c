using System.IO.Compression;

namespace Sanatorium.Web.Tests.Static;

/// <summary>What a browser does with an answer's Content-Encoding.</summary>
public static class Compressed
{
    public static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentException($"Not an encoding the site uses: {encoding}", nameof(encoding)),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
