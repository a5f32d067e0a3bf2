using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks.Tests;

/// <summary>Markdown cells through Markdig, with what the HTML export needs from it.</summary>
public partial class MarkdownTests
{
    [Fact]
    public void Notebook_markdown_renders_headings_emphasis_code_lists_tables_and_math()
    {
        var html = Markdown.ToHtml("""
            # Title
            ## Sub *it* and **bold**

            Some `code <x>` and a [link](https://example.org) and <b>raw</b> html.
            snake_case_name stays, and https://github.com/Jakobovski/free-spoken-digit-dataset becomes a link.

            - one
            - two
              - nested
            1. first
            2. second

            ```csharp
            var x = a < b;
            ```

            | a | b |
            |---|--:|
            | 1 | 2 |

            Math $x_1 * y_2$ stays, and so does

            $$
            E = m c^2
            $$
            """);
        Assert.Contains("<h1 id=\"title\">Title</h1>", html);
        Assert.Contains("<h2 id=\"sub-it-and-bold\">Sub <em>it</em> and <strong>bold</strong></h2>", html);
        Assert.Contains("<code>code &lt;x&gt;</code>", html);
        Assert.Contains("<a href=\"https://example.org\">link</a>", html);
        Assert.Contains("&lt;b&gt;raw&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>raw", html);
        Assert.Contains("snake_case_name", html);
        Assert.Contains("<a href=\"https://github.com/Jakobovski/free-spoken-digit-dataset\">", html);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>", html);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html);
        Assert.Contains("<pre><code class=\"language-csharp\">var x = a &lt; b;\n</code></pre>", html);
        Assert.Matches("<th>a</th>\\s*<th style=\"text-align: right;\">b</th>", html);
        Assert.Matches("<td>1</td>\\s*<td style=\"text-align: right;\">2</td>", html);
        Assert.Contains("<span class=\"math\">$x_1 * y_2$</span>", html);
        Assert.Contains("<div class=\"math\">$$\nE = m c^2\n$$</div>", html);
    }

    [Fact]
    public void Unsafe_links_are_neutralised()
    {
        var html = Markdown.ToHtml("[x](javascript:alert(1)) ![y](data:text/html,boom) ![z](data:image/png;base64,AAAA) <vbscript:msgbox>");
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:text/html", html);
        Assert.DoesNotContain("href=\"vbscript:", html);
        Assert.Contains("src=\"data:image/png;base64,AAAA\"", html);
    }

    [Fact]
    public void Heading_ids_are_unique_across_the_cells_of_one_page()
    {
        var nb = new NotebookBuilder().Markdown("## Setup\n\ntext").Code("1").Markdown("## Setup\n\n## Setup").Build();
        var html = HtmlExporter.Export(nb, "ids");
        var ids = HeadingId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["setup", "setup-1", "setup-2"], ids);
    }

    /// <summary>Every markdown cell of the project's notebooks: all its inline markup is turned into HTML (no
    /// stray backticks or <c>**</c>), every heading gets an id, and every cell's words survive.</summary>
    [Fact]
    public void The_project_notebooks_markdown_cells_render_completely()
    {
        var folder = FrontEnds.RepositoryFiles.NotebooksFolder;
        var notebooks = Directory.GetFiles(folder, "*.ipynb").Order().ToList();
        Assert.NotEmpty(notebooks);
        int cells = 0, headings = 0;
        foreach (var path in notebooks)
        {
            var nb = Notebook.Load(path);
            var ids = new HeadingIds();
            foreach (var cell in nb.Cells.Where(c => c.CellType == CellType.Markdown))
            {
                cells++;
                var html = Markdown.ToHtml(cell.Source, ids);
                var text = Tag().Replace(html, "");
                var where = $"{Path.GetFileName(path)}, cell {cell.Id}";
                Assert.DoesNotContain("`", text);
                Assert.DoesNotContain("**", text);
                int hashes = cell.Source.Split('\n').Count(l => HeadingLine().IsMatch(l));
                int withId = HeadingId().Matches(html).Count;
                Assert.True(hashes == withId, $"{where}: {hashes} headings, {withId} with ids:\n{html}");
                headings += withId;
                foreach (var word in Words().Matches(cell.Source).Select(m => m.Value))
                    Assert.True(System.Net.WebUtility.HtmlDecode(text).Contains(word), $"{where}: '{word}' is lost:\n{html}");
            }
        }
        Assert.True(cells >= 40, $"only {cells} markdown cells found");
        Assert.True(headings >= 40, $"only {headings} headings found");
    }

    [GeneratedRegex("<h[1-6] id=\"([^\"]+)\"")]
    private static partial Regex HeadingId();

    [GeneratedRegex("^#{1,6} ")]
    private static partial Regex HeadingLine();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Plain words of at least four letters (what any renderer must keep as text).</summary>
    [GeneratedRegex("(?<![\\w`*_/.-])[A-Za-z]{4,}(?![\\w`*_/.(-])")]
    private static partial Regex Words();
}
