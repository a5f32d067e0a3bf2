using System.IO.Compression;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SpokenDigits.Data;

/// <summary>
/// Puts a verified copy of the Free Spoken Digit Dataset into a target folder:
/// <c>&lt;target&gt;/recordings/*.wav</c>, <c>&lt;target&gt;/MANIFEST.sha256</c> (sha256sum format, paths relative to the
/// target) and <c>&lt;target&gt;/SOURCE.md</c> (attribution).
/// </summary>
/// <remarks>
/// The source is an http(s) URL of the upstream zip (default <see cref="DefaultUrl"/>), a local zip, or a local
/// folder holding <c>recordings/</c> or the WAVs directly. Only <c>recordings/{digit}_{speaker}_{take}.wav</c> entries
/// (or, for a folder, files with that name) are taken. Everything is staged in a hidden folder inside the target
/// and verified with <see cref="FsddVerifier"/> before it is moved into place, so a failure leaves no
/// half-written <c>recordings/</c>. <c>MANIFEST.sha256</c> is written last and marks a complete copy: when it is there
/// and lists exactly the files present, a new call does nothing unless <c>force</c> is set.
/// </remarks>
public static class FsddDownloader
{
    /// <summary>The upstream archive (tag v1.0.10).</summary>
    public const string DefaultUrl = "https://github.com/Jakobovski/free-spoken-digit-dataset/archive/refs/tags/v1.0.10.zip";

    /// <summary>Name of the checksum manifest in the target folder.</summary>
    public const string ManifestFileName = "MANIFEST.sha256";

    /// <summary>Name of the attribution file in the target folder.</summary>
    public const string SourceFileName = "SOURCE.md";

    /// <summary>Name of the recordings subfolder.</summary>
    public const string RecordingsFolderName = "recordings";

    /// <summary>Downloads (or copies) FSDD into <paramref name="targetFolder"/> and verifies it.</summary>
    /// <param name="source">URL, zip path or folder path; null for <see cref="DefaultUrl"/>.</param>
    /// <param name="targetFolder">Destination; null for <c>&lt;project root&gt;/data/fsdd</c>.</param>
    /// <param name="force">Replace a verified copy that is already there.</param>
    /// <param name="http">Client for URL sources; null for a new one with a 5-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="DatasetException">The source cannot be read or reached, or verification failed (the message lists the problems).</exception>
    public static async Task<FsddDownloadResult> DownloadAsync(
        string? source = null,
        string? targetFolder = null,
        bool force = false,
        HttpClient? http = null,
        CancellationToken cancellationToken = default)
    {
        source ??= DefaultUrl;
        string target = Path.GetFullPath(targetFolder ?? DataLocator.DefaultDownloadFolder());
        string recordings = Path.Combine(target, RecordingsFolderName);

        if (!force && IsCompleteCopy(target))
        {
            FsddVerification existing = FsddVerifier.Verify(recordings);
            if (existing.IsValid)
                return Result(target, $"existing copy in {target}", alreadyPresent: true, existing);
        }

        bool targetExisted = Directory.Exists(target);
        Directory.CreateDirectory(target);
        string staging = Path.Combine(target, $".staging-{Guid.NewGuid():N}");
        string stagedRecordings = Path.Combine(staging, RecordingsFolderName);
        Directory.CreateDirectory(stagedRecordings);
        try
        {
            await StageAsync(source, staging, stagedRecordings, http, cancellationToken).ConfigureAwait(false);

            FsddVerification verification = FsddVerifier.Verify(stagedRecordings);
            if (!verification.IsValid)
                throw new DatasetException($"FSDD from '{source}' failed verification; nothing was installed. {verification.Describe()}");

            File.WriteAllText(Path.Combine(staging, SourceFileName), SourceText(source));
            string manifest = BuildManifest(stagedRecordings);

            InstallInto(target, staging);
            File.WriteAllText(Path.Combine(target, ManifestFileName), manifest);
            return Result(target, source, alreadyPresent: false, verification with { Folder = recordings });
        }
        finally
        {
            TryDelete(staging);
            if (!targetExisted && Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any())
                TryDelete(target);
        }
    }

    /// <summary>True when <c>MANIFEST.sha256</c> exists and names exactly the WAV files in <c>recordings/</c>.</summary>
    public static bool IsCompleteCopy(string targetFolder)
    {
        string manifestPath = Path.Combine(targetFolder, ManifestFileName);
        string recordings = Path.Combine(targetFolder, RecordingsFolderName);
        if (!File.Exists(manifestPath) || !Directory.Exists(recordings))
            return false;
        var listed = File.ReadLines(manifestPath)
            .Where(line => line.Length > 66)
            .Select(line => line[66..].Trim())
            .ToHashSet(StringComparer.Ordinal);
        var present = Directory.EnumerateFiles(recordings)
            .Select(p => $"{RecordingsFolderName}/{Path.GetFileName(p)}")
            .ToHashSet(StringComparer.Ordinal);
        return listed.Count == FsddVerifier.ExpectedFileCount && listed.SetEquals(present);
    }

    private static async Task StageAsync(string source, string staging, string stagedRecordings, HttpClient? http, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            string zip = Path.Combine(staging, "download.zip");
            await DownloadFileAsync(uri, zip, http, cancellationToken).ConfigureAwait(false);
            ExtractRecordings(zip, stagedRecordings, source);
            File.Delete(zip);
        }
        else if (File.Exists(source))
        {
            ExtractRecordings(source, stagedRecordings, source);
        }
        else if (Directory.Exists(source))
        {
            CopyRecordings(source, stagedRecordings);
        }
        else
        {
            throw new DatasetException($"FSDD source '{source}' is neither an http(s) URL, an existing zip file, nor an existing folder.");
        }
    }

    private static async Task DownloadFileAsync(Uri uri, string destination, HttpClient? http, CancellationToken cancellationToken)
    {
        HttpClient client = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            using HttpResponseMessage response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new DatasetException($"Downloading FSDD from {uri} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using FileStream file = File.Create(destination);
            await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DatasetException(
                $"Cannot download FSDD from {uri}: {e.Message} The network may be unreachable; download the archive elsewhere " +
                "and pass its path (a zip, or a folder holding recordings/) as the source.", e);
        }
        finally
        {
            if (http is null)
                client.Dispose();
        }
    }

    private static void ExtractRecordings(string zipPath, string destination, string source)
    {
        try
        {
            using ZipArchive archive = ZipFile.OpenRead(zipPath);
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                string[] parts = entry.FullName.Replace('\\', '/').Split('/');
                if (parts.Length < 2 || parts[^2] != RecordingsFolderName || !RecordingFileName.IsMatch(parts[^1]))
                    continue;
                entry.ExtractToFile(Path.Combine(destination, parts[^1]), overwrite: true); // file name only: no path escapes
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException($"FSDD source '{source}' is not a readable zip archive: {e.Message}", e);
        }
    }

    private static void CopyRecordings(string folder, string destination)
    {
        string nested = Path.Combine(folder, RecordingsFolderName);
        string from = Directory.Exists(nested) ? nested : folder;
        foreach (string path in Directory.EnumerateFiles(from))
        {
            string name = Path.GetFileName(path);
            if (RecordingFileName.IsMatch(name))
                File.Copy(path, Path.Combine(destination, name));
        }
    }

    private static string BuildManifest(string recordingsFolder)
    {
        var builder = new StringBuilder();
        foreach (string path in Directory.EnumerateFiles(recordingsFolder).Order(StringComparer.Ordinal))
        {
            using FileStream stream = File.OpenRead(path);
            string hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            builder.Append(hash).Append("  ").Append(RecordingsFolderName).Append('/').Append(Path.GetFileName(path)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Moves the staged recordings and SOURCE.md into the target, replacing an older copy.</summary>
    private static void InstallInto(string target, string staging)
    {
        string manifest = Path.Combine(target, ManifestFileName);
        if (File.Exists(manifest))
            File.Delete(manifest); // the copy is incomplete until the new manifest is written
        string recordings = Path.Combine(target, RecordingsFolderName);
        if (Directory.Exists(recordings))
        {
            string old = Path.Combine(staging, "old-" + RecordingsFolderName);
            Directory.Move(recordings, old);
        }

        Directory.Move(Path.Combine(staging, RecordingsFolderName), recordings);
        File.Move(Path.Combine(staging, SourceFileName), Path.Combine(target, SourceFileName), overwrite: true);
    }

    private static string SourceText(string source) =>
        $"""
        # Free Spoken Digit Dataset (FSDD)

        - 3,000 mono 16-bit PCM WAV recordings at 8 kHz: 6 speakers × 10 digits × 50 takes.
        - File names: `{RecordingFileName.Pattern}`; the official split puts takes 0–4 in the test set.
        - Upstream: https://github.com/Jakobovski/free-spoken-digit-dataset (tag v1.0.10), by Zohar Jackson and contributors.
        - License: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
          https://creativecommons.org/licenses/by-sa/4.0/. Keep this attribution with any copy.
        - Installed from: {source}
        - Installed on: {DateTime.UtcNow:yyyy-MM-dd} (UTC); checksums in {ManifestFileName}.

        """;

    private static FsddDownloadResult Result(string target, string source, bool alreadyPresent, FsddVerification verification)
        => new(target, Path.Combine(target, RecordingsFolderName), source, alreadyPresent,
            verification.FileCount, verification.SpeakerCount, verification.DigitCount);

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
