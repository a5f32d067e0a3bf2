using SpokenDigits.Audio;
using SpokenDigits.Data;
using SpokenDigits.Data.Synthetic;
using SpokenDigits.Experiments;
using SpokenDigits.Features;
using SpokenDigits.Training;

namespace SpokenDigits.Tests.Data;

/// <summary>Synthetic speakers from Debian's engines (run-tests installs espeak-ng, flite and festival) and their use as
/// extra training recordings.</summary>
public class SyntheticVoicesTests
{
    [Fact]
    public void TheCatalogHasThirtyFiveSpeakersWithNamesTheRecordingPatternAccepts()
    {
        var voices = SyntheticVoiceCatalog.Voices();
        Assert.Equal(28 + 5 + 2, voices.Count);
        Assert.Equal(voices.Count, voices.Select(v => v.Speaker).Distinct().Count());
        Assert.All(voices, v => Assert.True(RecordingFileName.IsMatch($"7_{v.Speaker}_2.wav"), v.Speaker));
        Assert.Equal(28, SyntheticVoiceCatalog.Voices([SpeechEngine.EspeakNg]).Count);
    }

    [Fact]
    public void EveryEngineSpeaksADigitThatTheDetectorFindsAndSlowerTakesLastLonger()
    {
        var settings = new FeatureSettings().Endpoint;
        foreach (var engine in Enum.GetValues<SpeechEngine>())
        {
            var voice = SyntheticVoiceCatalog.Voices([engine])[0];
            var slow = SyntheticCorpus.Speak(voice, "seven", SyntheticVoiceCatalog.Takes[0]);
            var fast = SyntheticCorpus.Speak(voice, "seven", SyntheticVoiceCatalog.Takes[^1]);
            var eightKilohertz = Resampler.Resample(slow.Samples, slow.SampleRate, 8000);
            var segment = SpeechDetector.Detect(eightKilohertz, 8000, settings);
            Assert.True(segment is not null, $"{voice.Speaker}: no speech found in 'seven'");
            Assert.InRange(segment!.EndSeconds - segment.StartSeconds, 0.2, 1.5);
            Assert.True(slow.DurationSeconds > fast.DurationSeconds * 1.1,
                $"{voice.Speaker}: rate 0.85 lasts {slow.DurationSeconds:F2} s, rate 1.2 {fast.DurationSeconds:F2} s");
        }
    }

    [Fact]
    public void TheCorpusIsInFsddLayoutAtEightKilohertzWithAManifestAndKeepsWhatIsThere()
    {
        using var folder = new TempFolder();
        var voices = SyntheticVoiceCatalog.Voices([SpeechEngine.EspeakNg]).Take(1).ToList();
        var manifest = SyntheticCorpus.Write(folder.Path, voices);
        Assert.Equal(30, manifest.Recordings);
        Assert.Contains("espeak-ng", manifest.Engines.Keys);
        var recordings = RecordingCatalog.Discover(folder.Path, DatasetLayout.Fsdd);
        Assert.Equal(30, recordings.Count);
        Assert.Equal(Enumerable.Range(0, 10), recordings.Select(r => r.Digit).Distinct().Order());
        Assert.All(recordings, r => Assert.Equal(voices[0].Speaker, r.Speaker));
        Assert.All(recordings, r => Assert.Equal(8000, WavReader.Read(r.Path).SampleRate));
        Assert.True(File.Exists(folder.Combine(SyntheticCorpus.ManifestFile)));

        var kept = folder.Combine($"3_{voices[0].Speaker}_1.wav");
        var written = File.GetLastWriteTimeUtc(kept);
        Thread.Sleep(20);
        SyntheticCorpus.Write(folder.Path, voices);
        Assert.Equal(written, File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public void AnUnknownVoiceIsAClearErrorNamingTheVoiceAndTheWord()
    {
        var bogus = new SyntheticVoice(SpeechEngine.EspeakNg, "xx-nosuchvoice", "tts-bogus");
        var e = Assert.Throws<DatasetException>(() => SyntheticCorpus.Speak(bogus, "four", (1.0, 0.0)));
        Assert.Contains("xx-nosuchvoice", e.Message);
        Assert.Contains("'four'", e.Message);
        Assert.Contains("does not exist", e.Message);   // the engine's own words
    }

    [Fact]
    public void ExtraRecordingsJoinTheTrainingPartOnlyAndASpeakerOfTheCorpusIsRefused()
    {
        using var folder = new TempFolder();
        SyntheticCorpus.Write(folder.Path, SyntheticVoiceCatalog.Voices([SpeechEngine.Flite]).Take(1).ToList());
        var plain = new Experiment(new ExperimentOptions(Subset: 7)).PrepareSplit().Split;
        var (_, split) = new Experiment(new ExperimentOptions(Subset: 7, ExtraTrainingData: folder.Path)).PrepareSplit();
        Assert.Equal(plain.Train.Count + 30, split.Train.Count);
        Assert.Equal(plain.Validation.Select(r => r.Id), split.Validation.Select(r => r.Id));
        Assert.Equal(plain.Test.Select(r => r.Id), split.Test.Select(r => r.Id));
        Assert.Equal(30, split.Train.Count(r => r.Speaker == "tts-flite-kal"));
        // --subset applies to them too: takes below it only
        var (small, added) = ExtraTrainingRecordings.AddTo(plain, folder.Path, maxTake: 2);
        Assert.Equal(20, added);
        Assert.Equal(20, small.Train.Count(r => r.Speaker == "tts-flite-kal"));

        File.Copy(plain.Test[0].Path, folder.Combine(Path.GetFileName(plain.Test[0].Path)));
        var e = Assert.Throws<DatasetException>(() => ExtraTrainingRecordings.AddTo(plain, folder.Path));
        Assert.Contains($"speaker '{plain.Test[0].Speaker}'", e.Message);
    }
}
