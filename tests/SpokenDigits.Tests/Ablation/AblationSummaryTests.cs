using SpokenDigits.Tests.Data;
using SpokenDigits.Training;
using SpokenDigits.Analysis.Ablation;
using SpokenDigits.Rendering.Ablation;
using SpokenDigits.Runs;
using static SpokenDigits.Tests.Ablation.AblationFakeRuns;

namespace SpokenDigits.Tests.Ablation;

public class AblationSummaryTests
{
    static readonly AblationVariant Gated = AblationVariant.Parse("gated-aux+moddrop");

    static AblationContender Contender(string name, ContenderKind kind, params (int Seed, SpokenDigits.Evaluation.ModelResult Model)[] runs) =>
        new(name, kind, runs.Select(r => new SeedModel(r.Seed, r.Model)).ToList(), []);

    [Fact]
    public void ComplementarityCountsTheHandMadeCase()
    {
        // raw right on 0–9, spec on 5–14: only raw 0–4, only spec 10–14, both 5–9, neither 15–19.
        var raw = Contender(Raw, ContenderKind.Single, (1, Model(Raw, FirstRight(10))), (2, Model(Raw, FirstRight(10))));
        var spec = Contender(Spec, ContenderKind.Single, (1, Model(Spec, Right(5, 6, 7, 8, 9, 10, 11, 12, 13, 14))), (2, Model(Spec, Right(5, 6, 7, 8, 9, 10, 11, 12, 13, 14))));
        // seed 1: keeps 0, 1 (only raw), 10 (only spec), recovers 15, 16; seed 2: keeps 0–4 and 10–14, recovers nothing.
        var fused = Contender("gated-aux+moddrop", ContenderKind.Variant,
            (1, Fused(Right(0, 1, 5, 6, 7, 8, 9, 10, 15, 16))),
            (2, Fused(Right(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))),
            (3, Fused(FirstRight(20))));   // no single ran seed 3: not counted

        var c = Complementarity.Of(fused, raw, spec);

        Assert.Equal([1, 2], c.PerSeed.Select(s => s.Seed));
        Assert.Equal(new ComplementaritySeed(1, 5, 2, 5, 1, 5, 2), c.PerSeed[0]);
        Assert.Equal(new ComplementaritySeed(2, 5, 5, 5, 5, 5, 0), c.PerSeed[1]);
        Assert.Equal(10, c.MeanExactlyOne);
        Assert.Equal(6.5, c.MeanExactlyOneRight);
        Assert.Equal(13.0 / 20, c.ExactlyOneShare, 12);
        Assert.Equal(7.0 / 10, c.OnlyRawShare, 12);
        Assert.Equal(1, c.MeanBothWrongRight);
        Assert.Equal(2.0 / 10, c.BothWrongShare, 12);
    }

    [Fact]
    public void MeanRawWeightPerDigitIsPerSeedThenOverSeeds()
    {
        // recordings i and i + 10 are digit i; seed 1: weights 0.2 and 0.4 for digit 0 (mean 0.3), seed 2: 0.5 and 0.5.
        float[] Weights(float digit0a, float digit0b) => Enumerable.Range(0, Recordings).Select(i => i == 0 ? digit0a : i == 10 ? digit0b : 0.8f).ToArray();
        var fused = Contender("gated-aux+moddrop", ContenderKind.Variant,
            (1, Fused(FirstRight(20), weights: Weights(0.2f, 0.4f))),
            (2, Fused(FirstRight(20), weights: Weights(0.5f, 0.5f))));

        var w = BranchDiagnosis.Weights(fused)!;

        Assert.Equal(0.4, w.RawWeight[0].Mean, 5);               // (0.3 + 0.5) / 2
        Assert.Equal(Math.Sqrt(0.02), w.RawWeight[0].Std, 5);    // sample std of 0.3 and 0.5
        Assert.Equal(0.8, w.RawWeight[7].Mean, 5);
        Assert.Equal(2, w.RawWeight[0].Count);
        // Concat fusion has no weights.
        Assert.Null(BranchDiagnosis.Weights(Contender("concat-none", ContenderKind.Baseline, (1, Fused(FirstRight(20), fusion: "Concat")))));
    }

    [Fact]
    public void BestFusionIsChosenAmongTheFusedModelsRunOnTheMostSeeds()
    {
        var contenders = new[]
        {
            Contender("concat-none", ContenderKind.Baseline, (1, Fused(FirstRight(14))), (2, Fused(FirstRight(14)))),   // 70%, 2 seeds
            Contender("gated-aux", ContenderKind.Variant, (1, Fused(FirstRight(16))), (2, Fused(FirstRight(16)))),      // 80%, 2 seeds
            Contender("concat-branch-lr", ContenderKind.Variant, (1, Fused(FirstRight(20)))),                            // 100%, 1 seed only
        };
        Assert.Equal("gated-aux", OfficialRows.BestFusion(contenders)!.Name);
    }

    [Fact]
    public void TheFusionChosenOnValidationIgnoresTheTestPart()
    {
        var contenders = new[]
        {
            Contender("concat-none", ContenderKind.Baseline, (1, Fused(FirstRight(14), validation: 0.90)), (2, Fused(FirstRight(14), validation: 0.92))),
            Contender("gated-aux", ContenderKind.Variant, (1, Fused(FirstRight(18), validation: 0.95)), (2, Fused(FirstRight(18), validation: 0.85))),
            Contender("attention-aux", ContenderKind.Variant, (1, Fused(FirstRight(15), validation: 0.93)), (2, Fused(FirstRight(15), validation: 0.93))),
            Contender("concat-aux", ContenderKind.Variant, (1, Fused(FirstRight(10), validation: 1.0))),   // one seed only: not a candidate
        };
        Assert.Equal("gated-aux", OfficialRows.BestFusion(contenders)!.Name);              // 90 % test
        Assert.Equal("attention-aux", OfficialRows.ChosenOnValidation(contenders)!.Name);  // 93 % validation, 75 % test
        var validation = OfficialRows.ValidationAccuracy(contenders[1]);
        Assert.Equal(0.90, validation.Mean, 9);
        Assert.Equal(2, validation.Count);
    }

    [Fact]
    public void BestSingleIsTheSingleModelWithTheHigherMeanAccuracy()
    {
        var rawBetter = new[]
        {
            Contender(Raw, ContenderKind.Single, (1, Model(Raw, FirstRight(16))), (2, Model(Raw, FirstRight(12)))),   // 70%
            Contender(Spec, ContenderKind.Single, (1, Model(Spec, FirstRight(18))), (2, Model(Spec, FirstRight(8)))), // 65%
            Contender("concat-none", ContenderKind.Baseline, (1, Fused(FirstRight(20)))),
        };
        Assert.Equal(Raw, OfficialRows.BestSingle(rawBetter)!.Name);
        Assert.Equal("concat-none", OfficialRows.BestFusion(rawBetter)!.Name);   // fused models never count as single

        var specBetter = rawBetter.Select(c => c.Name == Spec ? Contender(Spec, ContenderKind.Single, (1, Model(Spec, FirstRight(19)))) : c).ToArray();
        Assert.Equal(Spec, OfficialRows.BestSingle(specBetter)!.Name);
    }

    [Fact]
    public void MissingUnfinishedAndMislabelledVariantsAreSkippedWithANote()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(14), FirstRight(16), FirstRight(17)), (11, FirstRight(12), FirstRight(16), FirstRight(16)));
        SaveVariant(report, Gated, 10, Fused(FirstRight(19)));                                  // seed 11 missing
        SaveVariant(report, AblationVariant.Parse("concat-aux"), 10, Fused(FirstRight(18)),
            trainedAs: AblationVariant.Baseline);                                                // trained as something else
        SaveVariant(report, AblationVariant.Parse("gated-none"), 10, Model(Fusion, FirstRight(5)) with { Failure = "loss became NaN", Test = null });
        SaveManifest(report, [10, 11], ["gated-aux+moddrop", "attention-none", "concat-aux", "gated-none"]);

        var runs = AblationRuns.Load(report);
        var names = runs.Contenders.Select(c => c.Name).ToList();

        Assert.Equal([Raw, Spec, "concat-none", "gated-aux+moddrop"], names);
        Assert.Contains(runs.Notes, n => n.Contains("attention-none") && n.Contains("no finished run"));
        Assert.Contains(runs.Notes, n => n.Contains("gated-aux+moddrop") && n.Contains("seed 11 not finished"));
        Assert.Contains(runs.Notes, n => n.Contains("concat-aux") && n.Contains("trained as concat-none"));
        Assert.Contains(runs.Notes, n => n.Contains("gated-none") && n.Contains("loss became NaN"));
        Assert.Single(runs.Contender("gated-aux+moddrop")!.Seeds);

        // The whole report is still written, with the notes.
        var output = AblationReportGenerator.Generate(report, "spokendigits ablation --fake", resamples: 200);
        var md = File.ReadAllText(output.Markdown);
        Assert.Contains("## Runs left out", md);
        Assert.Contains("attention-none", md);
        Assert.DoesNotContain("| attention-none", md);
    }

    [Fact]
    public void LosoTableFindsTheWorstHeldOutSpeakerOfEachModel()
    {
        using var temp = new TempFolder();
        var report = Report(temp.Combine("r"), (10, FirstRight(14), FirstRight(16), FirstRight(17)));
        // Per speaker: raw 18/20, 10/20, 16/20; spec 15, 19, 14; baseline 17, 17, 17; variant 20, 19, 13.
        var accuracy = new Dictionary<string, int[]> { ["anna"] = [18, 15, 17, 20], ["bert"] = [10, 19, 17, 19], ["carl"] = [16, 14, 17, 13] };
        foreach (var (speaker, n) in accuracy)
        {
            Save(report.Loso(speaker, 10), Run(10, [Model(Raw, FirstRight(n[0]), speaker), Model(Spec, FirstRight(n[1]), speaker),
                Fused(FirstRight(n[2]), speaker: speaker, fusion: "Concat", remedies: "none")], speaker: speaker));
            SaveVariant(report, Gated, 10, Fused(FirstRight(n[3]), speaker: speaker), speaker);
        }
        SaveManifest(report, [10], ["gated-aux+moddrop"], ["gated-aux+moddrop"]);

        var l = AblationSummary.From(AblationRuns.Load(report), resamples: 200).Loso!;

        Assert.Equal(("bert", 0.5), (l.Row(Raw)!.Worst!.Speaker, l.Row(Raw)!.Worst!.Accuracy));
        Assert.Equal(("carl", 0.7), (l.Row(Spec)!.Worst!.Speaker, l.Row(Spec)!.Worst!.Accuracy));
        Assert.Equal("anna", l.Row("concat-none")!.Worst!.Speaker);   // a tie at 85% everywhere: the first by name
        Assert.Equal(("carl", 0.65), (l.Row("gated-aux+moddrop")!.Worst!.Speaker, l.Row("gated-aux+moddrop")!.Worst!.Accuracy));
        Assert.Equal(Spec, l.BestSingle);                               // spec 80% vs raw 73.3%
        Assert.Equal("gated-aux+moddrop", l.BestFusion);                // 86.7% vs baseline 85%
        Assert.Equal(52.0 / 60 - 0.8, l.Row("gated-aux+moddrop")!.MeanDifference, 9);
    }

    [Fact]
    public void GoalsAreMetOrNotFromTheMeasuredNumbers()
    {
        using var temp = new TempFolder();
        // raw 95%, spec 90%, baseline 100%: raw goal not met, fusion goal met and above the best single.
        var report = Report(temp.Combine("r"), (10, FirstRight(19), FirstRight(18), FirstRight(20)));
        Assert.Empty(AblationSummary.From(AblationRuns.Load(report), resamples: 200).Goals);   // a study without goals has none
        SaveManifest(report, [10], [], goals: SomeGoals);
        var goals = AblationSummary.From(AblationRuns.Load(report), resamples: 200).Goals;
        Assert.Equal(SomeGoals.Select(g => (g.Measure, g.Target)), goals.Select(g => (g.Measure, g.Target)));

        Assert.False(goals[0].Met);
        Assert.Equal(0.95, goals[0].Measured, 9);
        Assert.True(goals[1].Met);
        Assert.True(goals[2].Met);
        Assert.Equal(0.05, goals[2].Measured, 9);
        Assert.Null(goals[3].Met);   // no leave-one-speaker-out runs
        Assert.Null(goals[4].Met);
    }
}
