namespace SpokenDigits.Audio.Corruptions;

/// <summary>Spectral colour of generated noise: white (flat), pink (−3 dB per octave), brown (−6 dB per octave).</summary>
public enum NoiseColour { White, Pink, Brown }
