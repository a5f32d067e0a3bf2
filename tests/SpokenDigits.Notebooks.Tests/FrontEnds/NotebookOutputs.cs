using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>What an executed notebook's code cells show, read from the .ipynb a Jupyter front end wrote.</summary>
internal sealed partial record NotebookOutputs(string Path, IReadOnlyList<CodeCellOutputs> Cells)
{
    public static NotebookOutputs Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var cells = new List<CodeCellOutputs>();
        foreach (var cell in root["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            if (cell["cell_type"]!.GetValue<string>() != "code") continue;
            string source = cell["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
                var text => text?.GetValue<string>() ?? "",
            };
            var outputs = cell["outputs"]!.AsArray().Select(o => o!.AsObject()).ToList();
            cells.Add(new CodeCellOutputs(source, outputs));
        }
        return new NotebookOutputs(path, cells);
    }

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Plotly charts shown per code cell, in order.</summary>
    public IReadOnlyList<int> ChartsPerCell => Cells.Select(c => c.Charts).ToList();

    /// <summary>Audio players shown per code cell, in order.</summary>
    public IReadOnlyList<int> AudioPlayersPerCell => Cells.Select(c => c.AudioPlayers).ToList();
}

/// <summary>One code cell: its source and the outputs the kernel produced.</summary>
internal sealed partial record CodeCellOutputs(string Source, IReadOnlyList<JsonObject> Outputs)
{
    /// <summary>Outputs that draw a plotly chart: a plotly figure (application/vnd.plotly.v1+json) or HTML that calls Plotly.newPlot.</summary>
    public int Charts => Outputs.Count(o =>
        o["data"] is JsonObject data &&
        (data.ContainsKey("application/vnd.plotly.v1+json") || Text(data["text/html"]).Contains("newPlot", StringComparison.Ordinal)));

    /// <summary>Outputs that play a recording: HTML with an <c>&lt;audio controls</c> element carrying a WAV data URI.</summary>
    public int AudioPlayers => Outputs.Count(o =>
        o["data"] is JsonObject data && Text(data["text/html"]) is var html &&
        html.Contains("<audio controls", StringComparison.Ordinal) && html.Contains("data:audio/wav;base64,", StringComparison.Ordinal));

    /// <summary>The cell calls one of the library's chart classes directly (<c>SomethingChart.Method(</c>), so it must show a chart.</summary>
    public bool CallsAChart => ChartCall().IsMatch(string.Join('\n', Source.Split('\n').Where(l => !l.TrimStart().StartsWith("using ", StringComparison.Ordinal))));

    public IEnumerable<string> Errors => Outputs.Where(o => o["output_type"]?.GetValue<string>() == "error")
        .Select(o => $"{o["ename"]}: {o["evalue"]}");

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    [GeneratedRegex(@"\b\w+Chart\.\w+\(")]
    private static partial Regex ChartCall();
}
