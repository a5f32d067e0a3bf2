using Markdig;
using Markdig.Helpers;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SpokenDigits.Notebooks;

/// <summary>
/// Markdown cells (and text/markdown outputs) to HTML through Markdig: CommonMark plus GitHub pipe tables,
/// bare-URL links and GitHub-style heading ids, unique across a whole page when its cells share one
/// <see cref="HeadingIds"/> (Markdig's own auto identifiers are unique within one text only). Raw HTML is shown
/// as text and script-like link targets are dropped, so a page made from a notebook runs no code the notebook's
/// author did not put in an output. Math (<c>$…$</c>, <c>$$…$$</c>) is kept verbatim in <c>span</c>/<c>div
/// class="math"</c>, untouched by emphasis, for a reader to see as written (the offline page has no TeX renderer).
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseMathematics()
        .DisableHtml()
        .Build();

    /// <summary>One Markdown text as HTML (its heading ids unique within it).</summary>
    public static string ToHtml(string markdown) => ToHtml(markdown, new HeadingIds());

    /// <summary>One Markdown text as HTML; heading ids already in <paramref name="ids"/> get a suffix (-1, -2, …).</summary>
    public static string ToHtml(string markdown, HeadingIds ids)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
            if (LinkHelper.UrilizeAsGfm(PlainText(heading)) is { Length: > 0 } id)
                heading.GetAttributes().Id = ids.Claim(id);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = SafeUrl };
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new VerbatimMathInline());
        renderer.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new VerbatimMathBlock());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A heading's text without markup, as GitHub makes its anchor from.</summary>
    private static string PlainText(HeadingBlock heading)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(heading.Inline!);
        return writer.ToString();
    }

    /// <summary>Link and image targets: <c>javascript:</c>, <c>vbscript:</c> and non-image <c>data:</c> become "#".</summary>
    private static string SafeUrl(string url)
    {
        var lower = url.Trim().ToLowerInvariant();
        return lower.StartsWith("javascript:") || lower.StartsWith("vbscript:") ||
               (lower.StartsWith("data:") && !lower.StartsWith("data:image/"))
            ? "#"
            : url;
    }

    private sealed class VerbatimMathInline : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline math)
        {
            var delimiter = new string(math.Delimiter, math.DelimiterCount);
            renderer.Write("<span").WriteAttributes(math).Write(">")
                .WriteEscape(delimiter).WriteEscape(ref math.Content).WriteEscape(delimiter).Write("</span>");
        }
    }

    private sealed class VerbatimMathBlock : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock math)
        {
            var delimiter = new string(math.FencedChar, math.OpeningFencedCharCount);
            renderer.EnsureLine();
            renderer.Write("<div").WriteAttributes(math).Write(">").WriteEscape(delimiter).WriteLine();
            renderer.WriteLeafRawLines(math, true, true);
            renderer.WriteEscape(delimiter).WriteLine("</div>");
        }
    }
}

/// <summary>The heading ids given out so far in one page, so that two cells' "## Setup" get "setup" and "setup-1".</summary>
public sealed class HeadingIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary><paramref name="id"/> if it is still free, otherwise the first free <c>id-1</c>, <c>id-2</c>, …; now taken.</summary>
    public string Claim(string id)
    {
        var unique = id;
        for (int n = 1; !_used.Add(unique); n++) unique = $"{id}-{n}";
        return unique;
    }
}
