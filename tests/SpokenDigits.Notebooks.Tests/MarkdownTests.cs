namespace SpokenDigits.Notebooks.Tests;

public class MarkdownTests
{
    [Fact]
    public void Basics()
    {
        var html = Markdown.ToHtml("""
            # Title
            ## Sub *it* and **bold**

            Some `code <x>` and a [link](https://example.org) and <b>raw</b> html.
            snake_case_name stays.

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

            Math $x_1 * y_2$ stays.
            """);
        Assert.Contains("<h1>Title</h1>", html);
        Assert.Contains("<h2>Sub <em>it</em> and <strong>bold</strong></h2>", html);
        Assert.Contains("<code>code &lt;x&gt;</code>", html);
        Assert.Contains("<a href=\"https://example.org\">link</a>", html);
        Assert.Contains("&lt;b&gt;raw&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>raw", html);
        Assert.Contains("snake_case_name", html);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>", html);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html);
        Assert.Contains("<pre><code class=\"language-csharp\">var x = a &lt; b;\n</code></pre>", html);
        Assert.Contains("<th>a</th><th style=\"text-align:right\">b</th>", html);
        Assert.Contains("<td>1</td><td style=\"text-align:right\">2</td>", html);
        Assert.Contains("$x_1 * y_2$", html);
    }

    [Fact]
    public void Unsafe_links_are_neutralised()
    {
        var html = Markdown.ToHtml("[x](javascript:alert(1))");
        Assert.DoesNotContain("javascript:", html);
    }
}
