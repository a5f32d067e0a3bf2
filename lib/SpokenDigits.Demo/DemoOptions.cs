namespace SpokenDigits.Demo;

/// <summary>Where the demo listens and what it accepts.</summary>
/// <param name="Host">Address to listen on; 127.0.0.1 serves this machine only.</param>
/// <param name="Port">TCP port; 0 picks a free one.</param>
/// <param name="MaxUploadBytes">Largest WAV upload accepted (bigger ones get 413).</param>
/// <param name="MaxSeconds">Longest recording accepted (longer ones get 413).</param>
public sealed record DemoOptions(string Host = DemoOptions.LocalHost, int Port = DemoOptions.DefaultPort,
    long MaxUploadBytes = DemoOptions.DefaultMaxUploadBytes, double MaxSeconds = DemoOptions.DefaultMaxSeconds)
{
    public const string LocalHost = "127.0.0.1";
    public const int DefaultPort = 5023;
    public const long DefaultMaxUploadBytes = 10 * 1024 * 1024;
    public const double DefaultMaxSeconds = 30;

    /// <summary>The address Kestrel is told to listen on.</summary>
    public string ListenUrl => $"http://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";

    public DemoOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("--host: give an address, e.g. 127.0.0.1");
        if (Port is < 0 or > 65535) throw new ArgumentException($"--port {Port}: a port lies in 0–65535 (0 picks a free one)");
        if (MaxUploadBytes < 1 || MaxSeconds <= 0) throw new ArgumentException("the upload limits must be positive");
        return this;
    }
}
