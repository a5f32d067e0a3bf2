namespace SpokenDigits.Notebooks.Tests.FrontEnds;

/// <summary>A repository notebook prepared for a quick front-end run.</summary>
internal static class QuickNotebook
{
    /// <summary>
    /// Copies notebooks/<paramref name="notebook"/> into <paramref name="home"/>/notebooks/ with <c>quick = true;</c> injected
    /// after its parameters cell (as papermill injects parameters), beside a link home/lib → the repository's lib, so the
    /// notebook's relative <c>#r "../lib/..."</c> still finds the built library. Returns the copy's path.
    /// </summary>
    public static string CopyInto(string home, string notebook)
    {
        string folder = Path.Combine(home, "notebooks");
        Directory.CreateDirectory(folder);
        string lib = Path.Combine(home, "lib");
        if (!Directory.Exists(lib)) Directory.CreateSymbolicLink(lib, Path.Combine(RepositoryFiles.Root, "lib"));
        string copy = Path.Combine(folder, notebook);
        var nb = Notebook.Load(Path.Combine(RepositoryFiles.NotebooksFolder, notebook));
        int at = nb.Cells.FindIndex(c => c.CellType == CellType.Code && c.HasTag("parameters"));
        Assert.True(at >= 0, $"{notebook} has no cell tagged 'parameters'");
        nb.Cells.Insert(at + 1, NotebookBuilder.CodeCell("quick = true;", "injected-parameters"));
        nb.EnsureCellIds();
        nb.Save(copy);
        return copy;
    }
}
