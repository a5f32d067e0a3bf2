namespace SpokenDigits.Evaluation.Robustness;

/// <summary>The kinds of controlled corruption of the robustness study; the severity of each is in its own unit
/// (<see cref="RobustnessCondition.Severity"/>).</summary>
public enum CorruptionFamily
{
    /// <summary>The test recording as it is (severity 0).</summary>
    Clean,
    /// <summary>Additive white noise; severity: SNR in dB against the word.</summary>
    WhiteNoise,
    /// <summary>Additive babble of other test recordings (other speakers); severity: SNR in dB.</summary>
    Babble,
    /// <summary>A synthetic room; severity: RT60 in seconds.</summary>
    Reverb,
    /// <summary>The 300–3,400 Hz telephone band (severity 0).</summary>
    Telephone,
    /// <summary>A louder or quieter microphone, clipped at full scale; severity: gain in dB.</summary>
    Gain,
    /// <summary>The word at a random offset inside background noise at 20 dB SNR; severity: window length in seconds.</summary>
    Placement,
    /// <summary>Played faster or slower (pitch with it); severity: the speed factor.</summary>
    Speed,
}
