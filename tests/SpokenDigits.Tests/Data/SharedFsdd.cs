using SpokenDigits.Data;

namespace SpokenDigits.Tests.Data;

/// <summary>The shared read-only FSDD copy beside the repository, found from the test binaries' folder.</summary>
internal static class SharedFsdd
{
    private static readonly Lazy<IReadOnlyList<Recording>> LazyRecordings = new(() => RecordingCatalog.Discover(RecordingsFolder));

    public static string RecordingsFolder => DataLocator.FindRecordings(startDirectory: AppContext.BaseDirectory);

    public static IReadOnlyList<Recording> Recordings => LazyRecordings.Value;
}
