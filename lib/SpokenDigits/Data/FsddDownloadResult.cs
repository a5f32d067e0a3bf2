namespace SpokenDigits.Data;

/// <summary>The outcome of <see cref="FsddDownloader.DownloadAsync"/>.</summary>
/// <param name="TargetFolder">The dataset folder (holding <c>recordings/</c>, <c>MANIFEST.sha256</c>, <c>SOURCE.md</c>).</param>
/// <param name="RecordingsFolder">The recordings folder, ready for <see cref="RecordingCatalog.Discover"/>.</param>
/// <param name="Source">Where the files came from (URL, zip or folder), or the existing copy.</param>
/// <param name="AlreadyPresent">True when a verified copy was already there and nothing was done.</param>
/// <param name="FileCount">Recordings in place.</param>
/// <param name="SpeakerCount">Distinct speakers.</param>
/// <param name="DigitCount">Distinct digits.</param>
public sealed record FsddDownloadResult(
    string TargetFolder,
    string RecordingsFolder,
    string Source,
    bool AlreadyPresent,
    int FileCount,
    int SpeakerCount,
    int DigitCount);
