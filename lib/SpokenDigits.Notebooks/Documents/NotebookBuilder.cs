using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks;

/// <summary>
/// Creates notebooks programmatically with the metadata VS Code's Polyglot Notebooks extension
/// writes for C# notebooks, so that they open there (and in Jupyter) as C# notebooks.
/// </summary>
public sealed class NotebookBuilder
{
    private readonly Notebook _notebook = CreateEmptyCSharpNotebook();

    public static Notebook CreateEmptyCSharpNotebook()
    {
        var nb = new Notebook { NbFormat = 4, NbFormatMinor = 5 };
        nb.Metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        nb.Metadata["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" };
        nb.Metadata["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        return nb;
    }

    public static JsonObject CSharpCellMetadata() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
    };

    public static NotebookCell CodeCell(string source, params string[] tags)
    {
        var cell = new NotebookCell(CellType.Code, source) { Metadata = CSharpCellMetadata() };
        foreach (var t in tags) cell.AddTag(t);
        return cell;
    }

    public static NotebookCell MarkdownCell(string source) => new(CellType.Markdown, source);

    public NotebookBuilder Markdown(string source)
    {
        _notebook.Cells.Add(MarkdownCell(source));
        return this;
    }

    public NotebookBuilder Code(string source, params string[] tags)
    {
        _notebook.Cells.Add(CodeCell(source, tags));
        return this;
    }

    /// <summary>The cell tagged "parameters" (papermill convention): defaults that -p overrides.</summary>
    public NotebookBuilder Parameters(string source) => Code(source, NotebookRunner.ParametersTag);

    public NotebookBuilder Raw(string source)
    {
        _notebook.Cells.Add(new NotebookCell(CellType.Raw, source));
        return this;
    }

    public Notebook Build()
    {
        var nb = _notebook.Clone();
        nb.EnsureCellIds();
        return nb;
    }

    public void Save(string path) => Build().Save(path);
}
