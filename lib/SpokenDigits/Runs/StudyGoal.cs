namespace SpokenDigits.Runs;

/// <summary>What a <see cref="StudyGoal"/> is checked on.</summary>
public enum GoalMeasure
{
    /// <summary>The raw-only model's mean test accuracy on the official split.</summary>
    RawOnlyAccuracy,
    /// <summary>The best fused model's mean test accuracy on the official split.</summary>
    BestFusionAccuracy,
    /// <summary>Best fusion − best single branch, mean test accuracy on the official split.</summary>
    BestFusionMargin,
    /// <summary>Leave one speaker out: the best fused model's mean accuracy over held-out speakers.</summary>
    LosoBestFusionAccuracy,
    /// <summary>Leave one speaker out: best fusion − best single, mean accuracy over held-out speakers.</summary>
    LosoBestFusionMargin,
}

/// <summary>One target a study set itself before it ran (met when the measured number is at least <paramref name="Target"/>):
/// data of the study, given in its ablation manifest, not part of the method.</summary>
/// <param name="Target">A share (0.985 = 98.5 %) for accuracies, a difference of shares (0.02 = 2 points) for margins.</param>
public sealed record StudyGoal(GoalMeasure Measure, double Target);

/// <summary>A study's goals, as given to <c>spokendigits ablation --goals FILE</c>: a JSON file holding either a list of
/// goals or an object with a "goals" list, each <c>{"measure": "rawOnlyAccuracy", "target": 0.985}</c>.</summary>
public static class StudyGoals
{
    /// <exception cref="InvalidDataException">The file is not such a list (the message names the file and the problem).</exception>
    public static IReadOnlyList<StudyGoal> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such goals file", path);
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var list = doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("goals", out var g) ? g : doc.RootElement;
            var goals = System.Text.Json.JsonSerializer.Deserialize<List<StudyGoal>>(list.GetRawText(), ResultsJson.Options)
                        ?? throw new InvalidDataException($"{path}: the goals list is null");
            if (goals.Any(x => !Enum.IsDefined(x.Measure) || !double.IsFinite(x.Target)))
                throw new InvalidDataException($"{path}: every goal needs a known measure ({string.Join(", ", Enum.GetNames<GoalMeasure>())}) and a finite target");
            return goals;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{path}: not a list of goals ({e.Message})", e);
        }
    }
}
