namespace SpokenDigits.Benchmarking;

/// <summary>How fast the live demo answers (<c>spokendigits bench</c>, measured by SpokenDigits.Demo's UploadLatency): real
/// recordings posted one at a time to <c>POST /api/predict</c> of a demo server on this machine's loopback.</summary>
/// <param name="Run">The run the server loaded.</param>
/// <param name="Requests">Timed requests (after warm-up ones).</param>
/// <param name="Recordings">Distinct recordings among them.</param>
/// <param name="UploadToAnswer">From sending the WAV to having read the whole JSON answer, milliseconds.</param>
/// <param name="ServerInference">The server's own share: decoded recording to answer (every model, spectrogram, envelope).</param>
public sealed record DemoLatency(string Run, int Requests, int Recordings, Latency UploadToAnswer, Latency ServerInference);
