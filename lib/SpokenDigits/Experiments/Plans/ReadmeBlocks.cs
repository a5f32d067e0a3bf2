using SpokenDigits.Analysis.EarlierMethods;
using SpokenDigits.Analysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpokenDigits.Runs;

namespace SpokenDigits.Experiments.Plans;

/// <summary>README's result tables, generated from the committed results: each lives between
/// <c>&lt;!-- reproduce:NAME --&gt;</c> and <c>&lt;!-- /reproduce:NAME --&gt;</c>, and <see cref="Rewrite"/> replaces every block's body
/// with what <see cref="Generate"/> makes of the results now (<c>reproduce --readme</c>).</summary>
public static partial class ReadmeBlocks
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The names of the blocks this class can generate.</summary>
    public static readonly IReadOnlyList<string> Names = ["seeds", "loso", "speed", "realworld", "earlier-methods", "cost"];

    [GeneratedRegex(@"(?<open><!-- reproduce:(?<name>[a-z-]+) -->\n)(?<body>.*?)(?<close><!-- /reproduce:\k<name> -->)", RegexOptions.Singleline)]
    private static partial Regex Block();

    /// <summary>The blocks of <paramref name="readme"/>: name and current body.</summary>
    public static IReadOnlyList<(string Name, string Body)> Find(string readme) =>
        Block().Matches(readme.ReplaceLineEndings("\n")).Select(m => (m.Groups["name"].Value, m.Groups["body"].Value)).ToList();

    /// <summary><paramref name="readme"/> with every block's body generated afresh.</summary>
    public static string Rewrite(string readme, string root, PlanFile plan) =>
        Block().Replace(readme.ReplaceLineEndings("\n"), m => m.Groups["open"].Value + Generate(m.Groups["name"].Value, root, plan) + m.Groups["close"].Value);

    /// <summary>One block's body (ends with a newline). The result folders are the plan's: the 5-seed report
    /// <c>results/report-official</c>, the speed runs <c>results/report-speed</c>.</summary>
    public static string Generate(string name, string root, PlanFile plan) => name switch
    {
        "seeds" => Seeds(Path.Combine(root, "results/report-official")),
        "loso" => Loso(Path.Combine(root, "results/report-official")),
        "speed" => Speed(Path.Combine(root, "results/report-official"), Path.Combine(root, "results/report-speed")),
        "realworld" => RealWorld(root),
        "earlier-methods" => EarlierMethods(Path.Combine(root, "results/earlier-methods")),
        "cost" => Cost(root, plan),
        _ => throw new ArgumentException($"README names an unknown generated block '{name}'; known: {string.Join(", ", Names)}"),
    };

    static JsonNode Json(string file) =>
        File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))! : throw new FileNotFoundException($"{file}: missing (README's tables are read from it)", file);

    static string Percent(JsonNode meanStd) => string.Create(C, $"{meanStd["mean"]!.GetValue<double>() * 100:F2} ± {meanStd["std"]!.GetValue<double>() * 100:F2} %");

    static string Bold(string text, bool bold) => bold ? $"**{text}**" : text;

    static string ModelLabel(string name, string reportFolder) =>
        name == "TwoStreamFusionModel" ? $"`{name}` ({Json(Path.Combine(reportFolder, "seed-42", RunFolder.ResultsFile))["architecture"]?["fusion"]?.GetValue<string>() ?? "concat"})" : $"`{name}`";

    static string Seeds(string report)
    {
        var models = Json(Path.Combine(report, ReportFolder.SummaryFile))["seeds"]!["models"]!.AsArray();
        double best = models.Max(m => m!["accuracy"]!["mean"]!.GetValue<double>());
        var text = new StringBuilder();
        int seeds = models[0]!["accuracy"]!["count"]!.GetValue<int>();
        text.AppendLine(C, $"| Model | Parameters | Test accuracy (mean ± std, {seeds} seeds) | Macro-F1 |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var m in models)
        {
            string name = m!["modelName"]!.GetValue<string>();
            long parameters = Json(Path.Combine(report, "seed-42", name, "metrics.json"))["parameterCount"]!.GetValue<long>();
            var f1 = m["macroF1"]!;
            text.AppendLine(C, $"| {ModelLabel(name, report)} | {parameters:N0} | {Bold(Percent(m["accuracy"]!), m["accuracy"]!["mean"]!.GetValue<double>() == best)} | " +
                               $"{f1["mean"]!.GetValue<double>():F3} ± {f1["std"]!.GetValue<double>():F3} |");
        }
        return text.ToString();
    }

    static string Loso(string report)
    {
        var loso = Json(Path.Combine(report, ReportFolder.SummaryFile))["loso"]!;
        var names = loso["modelNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var means = loso["meanAccuracy"]!.AsArray();
        int best = Enumerable.Range(0, names.Count).MaxBy(i => means[i]!["mean"]!.GetValue<double>());
        var text = new StringBuilder();
        text.AppendLine("| Held-out speaker | " + string.Join(" | ", names.Select(n => ModelLabel(n, report))) + " |");
        text.AppendLine("|---|" + string.Concat(names.Select(_ => "---:|")));
        foreach (var s in loso["speakers"]!.AsArray())
            text.AppendLine($"| {s!["speaker"]} | " + string.Join(" | ", s["accuracy"]!.AsArray().Select(a => string.Create(C, $"{a!.GetValue<double>() * 100:F2} %"))) + " |");
        text.AppendLine($"| **mean ± std over speakers** | " + string.Join(" | ", names.Select((_, i) => Bold(Percent(means[i]!), i == best))) + " |");
        return text.ToString();
    }

    static string Speed(string report, string speed)
    {
        var without = Json(Path.Combine(report, ReportFolder.SummaryFile))["seeds"]!["models"]!.AsArray();
        var with = Json(Path.Combine(speed, ReportFolder.SummaryFile))["seeds"]!["models"]!.AsArray();
        var remedied = Json(Path.Combine(report, "ablation.json"))["official"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "concat-branch-lr")!;
        var text = new StringBuilder();
        text.AppendLine("| Model | Without speed perturbation | With ×0.85–1.15 |");
        text.AppendLine("|---|---:|---:|");
        foreach (var m in with)
        {
            string name = m!["modelName"]!.GetValue<string>();
            var before = name == "TwoStreamFusionModel" ? remedied["accuracy"]! : without.First(w => w!["modelName"]!.GetValue<string>() == name)!["accuracy"]!;
            string label = name == "TwoStreamFusionModel" ? "concat + per-branch learning rates" : $"`{name}`";
            text.AppendLine($"| {label} | {Percent(before)} | {Percent(m["accuracy"]!)} |");
        }
        return text.ToString();
    }

    /// <summary>The real-world recipes over their seeds: FSDD test (the report's summary) and the test-only
    /// speechcommands corpus (<see cref="CrossCorpusSummary"/> of its seed runs), mean ± sample std.</summary>
    static string RealWorld(string root)
    {
        var text = new StringBuilder();
        text.AppendLine("| Recipe (plan experiment) | Model | FSDD test | speechcommands-digits |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var (label, folder) in new[] { ("15 epochs (`realworld`)", "results/report-realworld"), ("30 epochs (`realworld-e30`)", "results/realworld-e30"), ("15 epochs + synthetic voices (`realworld-tts`)", "results/realworld-tts"), ("15 epochs, aux heads + modality dropout (`realworld-variant`)", "results/realworld-variant"), ("30 epochs, aux heads + modality dropout (`realworld-variant-e30`)", "results/realworld-variant-e30"), ("30 epochs + synthetic voices, single branches (`realworld-tts-e30`)", "results/realworld-tts-e30"), ("30 epochs, aux heads + modality dropout + synthetic voices (`realworld-variant-tts-e30`)", "results/realworld-variant-tts-e30") })
        {
            var report = new ReportFolder(Path.Combine(root, folder));
            var cross = CrossCorpusSummary.Load(report, report.LoadSeedRuns(), resamples: 100).Single(c => c.Corpus == "speechcommands-digits").Summary;
            bool first = true;
            foreach (var m in Json(report.File(ReportFolder.SummaryFile))["seeds"]!["models"]!.AsArray())
            {
                string name = m!["modelName"]!.GetValue<string>();
                var accuracy = cross.Models.Single(x => x.ModelName == name).Accuracy;
                text.AppendLine(C, $"| {(first ? $"[{label}]({folder}/report.md)" : "")} | {ModelLabel(name, report.Path)} | {Percent(m["accuracy"]!)} | {accuracy.Mean * 100:F2} ± {accuracy.Std * 100:F2} % |");
                first = false;
            }
        }
        return text.ToString();
    }

    /// <summary>The earlier methods over their seeds beside the assignment's numbers (<see cref="EarlierMethodsSummary"/>).</summary>
    static string EarlierMethods(string folder)
    {
        var summary = EarlierMethodsSummary.Load(new EarlierMethodsFolders(folder, null));
        var text = new StringBuilder();
        var corpora = summary.TestCorpora.Select(c => c.Name).ToList();
        text.AppendLine("| Method | Ours (FSDD, mean ± std over seeds) | " + string.Concat(corpora.Select(c => $"{c} (test-only) | ")) + "Seeds | Assignment (AudioMNIST) |");
        text.AppendLine("|---|---:|" + string.Concat(corpora.Select(_ => "---:|")) + "---:|---:|");
        foreach (var r in summary.Rows)
        {
            text.Append(C, $"| {r.Label} | {r.Accuracy.Mean * 100:F2} ± {r.Accuracy.Std * 100:F2} % | ");
            foreach (var c in corpora)
                text.Append(C, $"{(r.TestCorpora.TryGetValue(c, out var m) ? FormattableString.Invariant($"{m.Mean * 100:F2} ± {m.Std * 100:F2} %") : "–")} | ");
            text.AppendLine(C, $"{r.Accuracy.Count} | {(r.Assignment is double a ? $"{a * 100:0.0#} %" : "–")} |");
        }
        return text.ToString();
    }

    /// <summary>The measured cost of every experiment (see <see cref="PlanCost"/>).</summary>
    static string Cost(string root, PlanFile plan) => PlanCost.Table(PlanCost.Measure(plan, root));
}
