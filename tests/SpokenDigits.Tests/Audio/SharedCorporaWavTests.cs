using System.Buffers.Binary;
using System.Text;
using SpokenDigits.Audio;
using SpokenDigits.Data;

namespace SpokenDigits.Tests.Audio;

/// <summary>
/// Every recording of both shared corpora (FSDD's 3,000 and speechcommands-digits' 437, all 16-bit PCM mono)
/// reads through the NAudio-based reader to exactly <c>int16 / 32768</c> of its data chunk, sample for sample:
/// the values the project's own decoder gave before NAudio, so features and results cannot move.
/// </summary>
public class SharedCorporaWavTests
{
    [Fact]
    public void EveryRecordingOfBothCorporaDecodesBitForBit()
    {
        string fsdd = DataLocator.FindRecordings(startDirectory: AppContext.BaseDirectory);
        string speechCommands = Path.GetFullPath(Path.Combine(fsdd, "..", "..", "speechcommands-digits"));
        string[] files = [.. Directory.GetFiles(fsdd, "*.wav"), .. Directory.GetFiles(speechCommands, "*.wav", SearchOption.AllDirectories)];
        Assert.Equal(3000 + 437, files.Length);

        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            (int rate, short[] pcm) = Pcm16Mono(bytes, file);
            AudioClip clip = WavReader.Read(bytes, file);
            Assert.Equal(rate, clip.SampleRate);
            Assert.Equal(pcm.Length, clip.Samples.Length);
            for (int i = 0; i < pcm.Length; i++)
            {
                if (clip.Samples[i] != pcm[i] / 32768f)
                    Assert.Fail($"{file}: sample {i} is {clip.Samples[i]}, expected {pcm[i] / 32768f}");
            }
        }
    }

    /// <summary>A minimal independent walk: the fmt's rate and the data chunk's int16 values.</summary>
    private static (int Rate, short[] Pcm) Pcm16Mono(byte[] file, string name)
    {
        int rate = 0;
        for (int position = 12; position + 8 <= file.Length;)
        {
            string id = Encoding.ASCII.GetString(file, position, 4);
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 4));
            if (id == "fmt ")
            {
                Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position + 8)) == 1, $"{name}: not PCM");
                Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position + 10)) == 1, $"{name}: not mono");
                Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position + 22)) == 16, $"{name}: not 16-bit");
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 12));
            }
            else if (id == "data")
            {
                int count = Math.Min(size, file.Length - position - 8) / 2;
                var pcm = new short[count];
                for (int i = 0; i < count; i++)
                    pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(position + 8 + 2 * i));
                return (rate, pcm);
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{name}: no data chunk");
    }
}
