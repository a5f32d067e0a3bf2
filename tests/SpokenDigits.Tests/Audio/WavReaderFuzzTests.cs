using SpokenDigits.Audio;

namespace SpokenDigits.Tests.Audio;

/// <summary>Mutated WAV files only ever decode or throw <see cref="WavFormatException"/>.</summary>
public class WavReaderFuzzTests
{
    private const int MutationsPerSeed = 1000;

    public static TheoryData<string> Seeds => ["pcm16-mono", "pcm8-stereo", "pcm24-list", "float32-extensible", "float64-6ch"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFilesDecodeOrThrowWavFormatException(string seedName)
    {
        byte[] original = SeedFile(seedName);
        var random = new Random(seedName.Length * 7919 + original.Length);
        int decoded = 0;
        for (int i = 0; i < MutationsPerSeed; i++)
        {
            byte[] mutated = Mutate(original, random);
            try
            {
                AudioClip clip = WavReader.Read(new MemoryStream(mutated), "fuzz.wav");
                decoded++;
                Assert.InRange(clip.SampleRate, WavLimits.MinSampleRate, WavLimits.MaxSampleRate);
                foreach (float s in clip.Samples)
                    Assert.True(float.IsFinite(s), $"non-finite sample in mutation {i}");
                if (!seedName.StartsWith("float", StringComparison.Ordinal))
                    Assert.All(clip.Samples, s => Assert.InRange(s, -1f, 1f));
            }
            catch (WavFormatException e)
            {
                Assert.Equal("fuzz.wav", e.FilePath);
            }
        }

        Assert.InRange(decoded, 1, MutationsPerSeed); // some mutations are harmless
    }

    private static byte[] SeedFile(string name)
    {
        float[] tone = Enumerable.Range(0, 64).Select(i => (float)Math.Sin(i * 0.3) * 0.9f).ToArray();
        return name switch
        {
            "pcm16-mono" => WavWriter.ToBytes(tone, 8000),
            "pcm8-stereo" => new WavBytes().Fmt(1, 2, 8000, 8).Data(tone.Select(s => (byte)(128 + s * 127)).ToArray()).ToArray(),
            "pcm24-list" => new WavBytes().Fmt(1, 1, 16000, 24).Chunk("LIST", [1, 2, 3]).Data(WavBytes.Int24s(tone.Select(s => (int)(s * 8_000_000)).ToArray())).ToArray(),
            "float32-extensible" => new WavBytes().Chunk("fmt ", WavBytes.ExtensibleFmtBody(3, 2, 48000, 32)).Data(WavBytes.Floats(tone)).ToArray(),
            _ => new WavBytes().Fmt(3, 6, 44100, 64).Data(WavBytes.Doubles(tone.Take(60).Select(s => (double)s).ToArray())).ToArray(),
        };
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            switch (random.Next(5))
            {
                case 0: // byte flips in the header area
                    if (bytes.Count > 0)
                        bytes[random.Next(Math.Min(64, bytes.Count))] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // random byte anywhere in the header area
                    if (bytes.Count > 0)
                        bytes[random.Next(Math.Min(64, bytes.Count))] = (byte)random.Next(256);
                    break;
                case 2: // truncation
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 3: // random 32-bit length field at a chunk-size position (4, 16, 40 or random)
                    int[] sizeOffsets = [4, 16, 40, 52, random.Next(Math.Max(1, bytes.Count))];
                    int at = sizeOffsets[random.Next(sizeOffsets.Length)];
                    uint value = random.Next(3) switch { 0 => uint.MaxValue, 1 => (uint)random.Next(), _ => (uint)random.Next(200) };
                    for (int k = 0; k < 4 && at + k < bytes.Count; k++)
                        bytes[at + k] = (byte)(value >> (8 * k));
                    break;
                default: // inserted bytes
                    int insertAt = random.Next(bytes.Count + 1);
                    byte[] extra = new byte[1 + random.Next(8)];
                    random.NextBytes(extra);
                    bytes.InsertRange(insertAt, extra);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
