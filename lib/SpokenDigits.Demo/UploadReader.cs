using System.Text;
using Microsoft.AspNetCore.Http;
using SpokenDigits.Audio;

namespace SpokenDigits.Demo;

/// <summary>A rejected upload: the HTTP status and the message the page shows.</summary>
public sealed class UploadRejected(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Reads a <c>POST /api/predict</c> body into a clip: at most <see cref="DemoOptions.MaxUploadBytes"/> bytes are
/// buffered (a larger body is refused before it is read whole), the bytes go through <see cref="WavReader"/> (whose
/// message names the problem), and a recording longer than <see cref="DemoOptions.MaxSeconds"/> is refused.</summary>
public static class UploadReader
{
    /// <summary>Name used in messages when the page sends none (header <c>X-File-Name</c>).</summary>
    public const string DefaultName = "upload";
    public const string NameHeader = "X-File-Name";

    /// <exception cref="UploadRejected">413 too large or too long; 400 empty or not a readable WAV.</exception>
    public static async Task<AudioClip> ReadAsync(HttpRequest request, DemoOptions options, CancellationToken cancellation)
    {
        string name = NameOf(request);
        if (request.ContentLength is { } declared && declared > options.MaxUploadBytes)
            throw TooLarge(name, options, FormattableString.Invariant($"{declared:N0} bytes"));
        var bytes = await ReadBody(request.Body, options.MaxUploadBytes, cancellation)
                    ?? throw TooLarge(name, options, "more than that");
        AudioClip clip;
        try { clip = WavReader.Read(bytes, name); }
        catch (WavFormatException e) { throw new UploadRejected(StatusCodes.Status400BadRequest, e.Message); }
        if (clip.Samples.Length == 0)
            throw new UploadRejected(StatusCodes.Status400BadRequest, $"{name}: the WAV file holds no samples");
        if (clip.DurationSeconds > options.MaxSeconds)
            throw new UploadRejected(StatusCodes.Status413PayloadTooLarge,
                FormattableString.Invariant($"{name}: the recording is {clip.DurationSeconds:0.0} s long; the demo takes at most {options.MaxSeconds:0.#} s"));
        return clip;
    }

    static UploadRejected TooLarge(string name, DemoOptions options, string size) =>
        new(StatusCodes.Status413PayloadTooLarge, FormattableString.Invariant($"{name}: the upload is {size}; the demo takes WAV files of at most {options.MaxUploadBytes:N0} bytes"));

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    static async Task<byte[]?> ReadBody(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var block = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(block, cancellation)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(block, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The file name the page sent (printable ASCII, at most 80 characters), else <see cref="DefaultName"/>.</summary>
    static string NameOf(HttpRequest request)
    {
        var sent = Uri.UnescapeDataString(request.Headers[NameHeader].ToString());
        var clean = new StringBuilder();
        foreach (char c in Path.GetFileName(sent))
            if (c is >= ' ' and <= '~' && clean.Length < 80) clean.Append(c);
        return clean.Length > 0 ? clean.ToString() : DefaultName;
    }
}
