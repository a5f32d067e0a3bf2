using System.Globalization;
using SpokenDigits.Evaluation;
using SpokenDigits.Training;
using SpokenDigits.Analysis;
using SpokenDigits.Rendering;

namespace SpokenDigits.Tests.Reporting;

public class ComparisonTests
{
    static readonly string[] Labels = Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>20 test recordings per digit, all correct except the listed (truth, predicted, count) mistakes;
    /// predictions are made from the matrix with ids "digit-index", identical across models.</summary>
    static ModelResult Result(string name, params (int Truth, int Predicted, int Count)[] mistakes)
    {
        var counts = Enumerable.Range(0, 10).Select(_ => new int[10]).ToArray();
        for (int i = 0; i < 10; i++) counts[i][i] = 20;
        foreach (var (t, p, n) in mistakes)
        {
            counts[t][t] -= n;
            counts[t][p] += n;
        }
        var predictions = new List<Prediction>();
        for (int t = 0; t < 10; t++)
        {
            int k = 0;
            // wrong ones first, so that the same (truth, count) mistakes hit the same recordings in every model
            for (int p = 0; p < 10; p++)
                if (p != t)
                    for (int j = 0; j < counts[t][p]; j++) predictions.Add(new Prediction($"{t}-{k++}", t, p, new float[10]));
            for (int j = 0; j < counts[t][t]; j++) predictions.Add(new Prediction($"{t}-{k++}", t, t, new float[10]));
        }
        var report = ClassificationReport.From(new ConfusionMatrix(Labels, counts));
        var history = Enumerable.Range(1, 3).Select(e => new EpochRecord(e, 1.0 / e, 0.9, 1.1 / e, 0.85, 1)).ToList();
        return new ModelResult(name, 1000, history, 3, report, predictions);
    }

    // raw: 3→8 ×6, 1→7 ×2 (14 wrong... see counts); spec: 3→8 ×2, 5→6 ×4, 9→4 ×3; fusion: 3→8 ×1, 9→4 ×2, 0→6 ×1
    static ModelResult Raw() => Result("RawOnlyModel", (3, 8, 6), (1, 7, 2));
    static ModelResult Spec() => Result("SpecOnlyModel", (3, 8, 2), (5, 6, 4), (9, 4, 3));
    static ModelResult Fusion() => Result("TwoStreamFusionModel", (3, 8, 1), (9, 4, 2), (0, 6, 1));

    static Comparison Three() => new([Raw(), Spec(), Fusion()]);

    [Fact]
    public void Gains_are_fusion_minus_the_better_branch_per_digit()
    {
        var c = Three();
        Assert.True(c.IsComplete);
        Assert.Equal(10, c.Gains.Count);
        var raw = Raw().Test!.PerClass;
        var spec = Spec().Test!.PerClass;
        var fusion = Fusion().Test!.PerClass;
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(fusion[i].F1 - Math.Max(raw[i].F1, spec[i].F1), c.Gains[i].Gain, 12);
            Assert.Equal(raw[i].F1, c.PerClassF1[i].Raw, 12);
            Assert.Equal(spec[i].F1, c.PerClassF1[i].Spec, 12);
            Assert.Equal(fusion[i].F1, c.PerClassF1[i].Fusion, 12);
        }
        // digit 3: raw 14/20, spec 18/20, fusion 19/20 correct; spec is the better branch there and fusion beats it
        Assert.Equal("spec", c.Gains[3].BetterBranch);
        Assert.True(c.Gains[3].Gain > 0);
        // digit 0: fusion mislabels one 0 as 6, both branches are perfect on 0 → fusion hurts
        Assert.Contains(c.FusionHurts, g => g.Label == "0");
        Assert.Contains(c.FusionHelps, g => g.Label == "3");
        Assert.True(c.FusionHelps.Zip(c.FusionHelps.Skip(1)).All(p => p.First.Gain >= p.Second.Gain), "largest gain first");
        Assert.DoesNotContain(c.FusionHelps, g => c.FusionHurts.Contains(g));
    }

    [Fact]
    public void Better_single_model_is_the_one_with_higher_accuracy()
    {
        // raw: 8 wrong, spec: 9 wrong → raw is better
        var c = Three();
        Assert.Equal("RawOnlyModel", c.BestSingle!.ModelName);
        var d = new Comparison([Result("RawOnlyModel", (3, 8, 10)), Spec(), Fusion()]);
        Assert.Equal("SpecOnlyModel", d.BestSingle!.ModelName);
    }

    [Fact]
    public void Rows_list_every_model_with_its_metrics()
    {
        var c = Three();
        Assert.Equal(["RawOnlyModel", "SpecOnlyModel", "TwoStreamFusionModel"], c.Rows.Select(r => r.Model));
        Assert.Equal((200 - 8) / 200.0, c.Rows[0].Accuracy!.Value, 12);
        Assert.Equal((200 - 4) / 200.0, c.Rows[2].Accuracy!.Value, 12);
        Assert.All(c.Rows, r => Assert.Equal(200, r.TestCount));
        Assert.All(c.Rows, r => Assert.Equal(3, r.EpochsRun));
    }

    [Fact]
    public void Confusion_pairs_add_both_directions_and_sort_by_count()
    {
        var m = Result("RawOnlyModel", (3, 8, 4), (8, 3, 3), (1, 7, 5));
        var pairs = Comparison.TopConfusions(m, 5);
        Assert.Equal(2, pairs.Count);
        Assert.Equal(("3", "8", 4, 3, 7), (pairs[0].A, pairs[0].B, pairs[0].AAsB, pairs[0].BAsA, pairs[0].Total));
        Assert.Equal(("1", "7", 5), (pairs[1].A, pairs[1].B, pairs[1].Total));
    }

    [Fact]
    public void Confusion_changes_compare_fusion_with_the_better_single_model()
    {
        var c = Three();   // better single = raw: 3↔8 6, 1↔7 2; fusion: 3↔8 1, 4↔9 2, 0↔6 1
        Assert.Equal(new ConfusionChange("3", "8", 6, 1), c.ReducedByFusion[0]);
        Assert.Contains(new ConfusionChange("1", "7", 2, 0), c.ReducedByFusion);
        Assert.Equal(new ConfusionChange("4", "9", 0, 2), c.IncreasedByFusion[0]);
        Assert.Contains(new ConfusionChange("0", "6", 0, 1), c.IncreasedByFusion);
        Assert.Equal(4, c.ConfusionChanges.Count);
    }

    [Fact]
    public void Disagreements_are_counted_per_recording()
    {
        var c = Three();
        var d = c.Disagreements(c.Raw!)!.Value;
        // fusion right, raw wrong: 3→8 recordings 1..5 (5) and 1→7 (2); raw right, fusion wrong: 9→4 (2), 0→6 (1)
        Assert.Equal(7, d.FusionOnlyRight);
        Assert.Equal(3, d.OtherOnlyRight);
        Assert.Equal(200, d.Shared);
    }

    [Fact]
    public void Discussion_numbers_come_from_the_inputs()
    {
        var text = Three().Discussion();
        Assert.Contains("200 test recordings", text);
        Assert.Contains("98.00%", text);   // fusion: 196/200
        Assert.Contains("96.00%", text);   // raw: 192/200
        Assert.Contains("95.50%", text);   // spec: 191/200
        Assert.Contains("raw-waveform model", text);
        Assert.Contains("by 2.00 percentage points (+4 correct recordings)", text);
        Assert.Contains("3↔8 (6 → 1)", text);
        Assert.Contains("on 7 recordings", text);

        // another input, another text
        var worse = new Comparison([Raw(), Spec(), Result("TwoStreamFusionModel", (3, 8, 9), (2, 5, 3))]).Discussion();
        Assert.NotEqual(text, worse);
        Assert.Contains("94.00%", worse);  // fusion: 188/200
        Assert.Contains("trails the better single branch", worse);
        Assert.Contains("by 2.00 percentage points (−4 correct recordings)", worse);
    }

    [Fact]
    public void Discussion_is_culture_invariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var text = Three().Discussion();
            Assert.Contains("98.00%", text);
            Assert.DoesNotContain("98,00", text);
        }
        finally { CultureInfo.CurrentCulture = saved; }
        CultureInfo.CurrentCulture = saved;
        Assert.Equal(Three().Discussion(), Three().Discussion());
    }

    [Fact]
    public void Missing_or_failed_models_are_reported_not_thrown()
    {
        var failed = new ModelResult("TwoStreamFusionModel", 1000, [], 0, null, [], "loss became NaN");
        var c = new Comparison([Raw(), Spec(), failed]);
        Assert.False(c.IsComplete);
        Assert.Empty(c.Gains);
        Assert.Null(c.Rows[2].Accuracy);
        Assert.Equal("loss became NaN", c.Rows[2].Failure);
        Assert.Contains("TwoStreamFusionModel (failed: loss became NaN)", c.Discussion());
        Assert.Contains("SpecOnlyModel (missing)", new Comparison([Raw(), Fusion()]).Discussion());
        Assert.Contains("Needs all three", ComparisonTables.PerClass(c));
    }

    [Fact]
    public void Html_tables_show_the_computed_values()
    {
        var c = Three();
        var summary = ComparisonTables.Summary(c);
        Assert.Contains("98.00%", summary);
        Assert.Contains("TwoStreamFusionModel", summary);
        var perClass = ComparisonTables.PerClass(c);
        Assert.Contains(Comparison.Signed(c.Gains[3].Gain, "0.000"), perClass);
        Assert.Contains("3↔8", ComparisonTables.TopConfusions(c));
        Assert.Contains("−5", ComparisonTables.ConfusionChanges(c));
    }
}
