using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SpokenDigits.Notebooks;

/// <summary>
/// A small, safe Markdown-to-HTML converter: ATX headings, paragraphs, emphasis/strong, inline code,
/// fenced code blocks, bullet/numbered lists (nested by indentation), block quotes, rules, links,
/// images, GFM pipe tables. Raw HTML is escaped; math ($...$) is left as text.
/// </summary>
public static partial class Markdown
{
    public static string ToHtml(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder();
        int i = 0;
        RenderBlocks(lines, ref i, lines.Length, sb);
        return sb.ToString();
    }

    private static void RenderBlocks(string[] lines, ref int i, int end, StringBuilder sb)
    {
        while (i < end)
        {
            var line = lines[i];
            var t = line.Trim();
            if (t.Length == 0) { i++; continue; }

            // fenced code
            if (t.StartsWith("```") || t.StartsWith("~~~"))
            {
                var fence = t[..3];
                var lang = t[3..].Trim();
                var code = new StringBuilder();
                i++;
                while (i < end && !lines[i].Trim().StartsWith(fence)) code.Append(lines[i++]).Append('\n');
                i++; // closing fence
                sb.Append("<pre><code");
                if (lang.Length > 0) sb.Append(" class=\"language-").Append(Esc(lang.Split(' ')[0])).Append('"');
                sb.Append('>').Append(Esc(code.ToString())).Append("</code></pre>\n");
                continue;
            }
            // heading
            var h = Heading().Match(t);
            if (h.Success)
            {
                int level = h.Groups[1].Length;
                sb.Append($"<h{level}>").Append(Inline(h.Groups[2].Value.TrimEnd('#', ' '))).Append($"</h{level}>\n");
                i++; continue;
            }
            // rule
            if (Rule().IsMatch(t)) { sb.Append("<hr>\n"); i++; continue; }
            // block quote
            if (t.StartsWith('>'))
            {
                var inner = new List<string>();
                while (i < end && lines[i].Trim().StartsWith('>'))
                {
                    var q = lines[i].Trim()[1..];
                    inner.Add(q.StartsWith(' ') ? q[1..] : q);
                    i++;
                }
                sb.Append("<blockquote>\n").Append(ToHtml(string.Join("\n", inner))).Append("</blockquote>\n");
                continue;
            }
            // table: header row, then a delimiter row
            if (t.Contains('|') && i + 1 < end && TableDelimiter().IsMatch(lines[i + 1].Trim()))
            {
                RenderTable(lines, ref i, end, sb);
                continue;
            }
            // list
            if (ListItem().IsMatch(line))
            {
                RenderList(lines, ref i, end, sb);
                continue;
            }
            // paragraph
            var para = new List<string>();
            while (i < end)
            {
                var l = lines[i];
                var lt = l.Trim();
                if (lt.Length == 0 || lt.StartsWith("```") || lt.StartsWith("~~~") || Heading().IsMatch(lt) ||
                    lt.StartsWith('>') || (para.Count > 0 && ListItem().IsMatch(l)) || Rule().IsMatch(lt)) break;
                para.Add(l);
                i++;
            }
            sb.Append("<p>").Append(string.Join("\n", para.Select(p => HardBreak(p)))).Append("</p>\n");
        }
    }

    private static string HardBreak(string line) =>
        line.EndsWith("  ") ? Inline(line.Trim()) + "<br>" : Inline(line.Trim());

    private static void RenderList(string[] lines, ref int i, int end, StringBuilder sb)
    {
        var first = ListItem().Match(lines[i]);
        int indent = first.Groups["indent"].Length;
        bool ordered = char.IsDigit(first.Groups["marker"].Value[0]);
        if (ordered && int.TryParse(first.Groups["marker"].Value.TrimEnd('.', ')'), out var start) && start != 1)
            sb.Append($"<ol start=\"{start}\">\n");
        else sb.Append(ordered ? "<ol>\n" : "<ul>\n");
        while (i < end)
        {
            var m = ListItem().Match(lines[i]);
            if (!m.Success || m.Groups["indent"].Length != indent || char.IsDigit(m.Groups["marker"].Value[0]) != ordered) break;
            sb.Append("<li>").Append(Inline(m.Groups["text"].Value.Trim()));
            i++;
            // continuation lines and nested lists
            while (i < end)
            {
                var l = lines[i];
                if (l.Trim().Length == 0)
                {
                    // a blank line ends the list unless the next line continues it
                    if (i + 1 < end && ListItem().Match(lines[i + 1]) is { Success: true } nm && nm.Groups["indent"].Length >= indent) { i++; continue; }
                    break;
                }
                var sub = ListItem().Match(l);
                if (sub.Success && sub.Groups["indent"].Length > indent)
                {
                    sb.Append('\n');
                    RenderList(lines, ref i, end, sb);
                    continue;
                }
                if (sub.Success) break;
                if (ListItem().IsMatch(l) || Heading().IsMatch(l.Trim())) break;
                if (LeadingSpaces(l) > indent) { sb.Append(' ').Append(Inline(l.Trim())); i++; continue; }
                break;
            }
            sb.Append("</li>\n");
        }
        sb.Append(ordered ? "</ol>\n" : "</ul>\n");
    }

    private static int LeadingSpaces(string s) => s.Length - s.TrimStart(' ', '\t').Length;

    private static void RenderTable(string[] lines, ref int i, int end, StringBuilder sb)
    {
        var header = SplitRow(lines[i]);
        var aligns = SplitRow(lines[i + 1]).Select(c =>
        {
            c = c.Trim();
            bool l = c.StartsWith(':'), r = c.EndsWith(':');
            return l && r ? "center" : r ? "right" : l ? "left" : null;
        }).ToList();
        i += 2;
        string Attr(int col) => col < aligns.Count && aligns[col] is string a ? $" style=\"text-align:{a}\"" : "";
        sb.Append("<table>\n<thead><tr>");
        for (int c = 0; c < header.Count; c++) sb.Append($"<th{Attr(c)}>").Append(Inline(header[c].Trim())).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        while (i < end && lines[i].Trim().Length > 0 && lines[i].Contains('|'))
        {
            var cells = SplitRow(lines[i]);
            sb.Append("<tr>");
            for (int c = 0; c < header.Count; c++)
                sb.Append($"<td{Attr(c)}>").Append(c < cells.Count ? Inline(cells[c].Trim()) : "").Append("</td>");
            sb.Append("</tr>\n");
            i++;
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static List<string> SplitRow(string row)
    {
        var t = row.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|")) t = t[..^1];
        var cells = new List<string>();
        var cur = new StringBuilder();
        bool inCode = false;
        for (int k = 0; k < t.Length; k++)
        {
            char ch = t[k];
            if (ch == '\\' && k + 1 < t.Length && t[k + 1] == '|') { cur.Append('|'); k++; continue; }
            if (ch == '`') inCode = !inCode;
            if (ch == '|' && !inCode) { cells.Add(cur.ToString()); cur.Clear(); continue; }
            cur.Append(ch);
        }
        cells.Add(cur.ToString());
        return cells;
    }

    /// <summary>Inline markup: code spans, images, links, strong, emphasis. Everything else is escaped.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && "\\`*_{}[]()#+-.!|<>$".Contains(text[i + 1]))
            {
                sb.Append(Esc(text[i + 1].ToString())); i += 2; continue;
            }
            if (c == '`')
            {
                int ticks = 0; while (i + ticks < text.Length && text[i + ticks] == '`') ticks++;
                var fence = new string('`', ticks);
                int close = text.IndexOf(fence, i + ticks, StringComparison.Ordinal);
                if (close > 0)
                {
                    sb.Append("<code>").Append(Esc(text[(i + ticks)..close].Trim())).Append("</code>");
                    i = close + ticks; continue;
                }
                sb.Append(Esc(fence)); i += ticks; continue;
            }
            if (c == '$')
            {
                // math: keep verbatim (escaped), no emphasis processing inside
                bool display = i + 1 < text.Length && text[i + 1] == '$';
                var delim = display ? "$$" : "$";
                int close = text.IndexOf(delim, i + delim.Length, StringComparison.Ordinal);
                if (close > i + delim.Length)
                {
                    sb.Append("<span class=\"math\">").Append(Esc(text[i..(close + delim.Length)])).Append("</span>");
                    i = close + delim.Length; continue;
                }
            }
            if ((c == '!' && i + 1 < text.Length && text[i + 1] == '[') || c == '[')
            {
                var m = Link().Match(text, i);
                if (m.Success && m.Index == i)
                {
                    var url = SafeUrl(m.Groups["url"].Value);
                    var label = m.Groups["text"].Value;
                    if (m.Groups["img"].Length > 0)
                        sb.Append($"<img src=\"{Esc(url)}\" alt=\"{Esc(label)}\">");
                    else
                        sb.Append($"<a href=\"{Esc(url)}\">").Append(Inline(label)).Append("</a>");
                    i += m.Length; continue;
                }
            }
            if (c is '*' or '_')
            {
                bool dbl = i + 1 < text.Length && text[i + 1] == c;
                var delim = dbl ? new string(c, 2) : c.ToString();
                int from = i + delim.Length;
                int close = from < text.Length && !char.IsWhiteSpace(text[from]) ? FindClose(text, delim, from) : -1;
                // intraword underscores (snake_case) are not emphasis
                bool intraword = c == '_' && i > 0 && char.IsLetterOrDigit(text[i - 1]);
                if (close > from && !intraword)
                {
                    var tag = dbl ? "strong" : "em";
                    sb.Append($"<{tag}>").Append(Inline(text[from..close])).Append($"</{tag}>");
                    i = close + delim.Length; continue;
                }
            }
            if (c == '<')
            {
                var auto = AutoLink().Match(text, i);
                if (auto.Success && auto.Index == i)
                {
                    var url = SafeUrl(auto.Groups[1].Value);
                    sb.Append($"<a href=\"{Esc(url)}\">{Esc(auto.Groups[1].Value)}</a>");
                    i += auto.Length; continue;
                }
            }
            sb.Append(Esc(c.ToString()));
            i++;
        }
        return sb.ToString();
    }

    private static int FindClose(string text, string delim, int from)
    {
        int k = from;
        while (true)
        {
            int close = text.IndexOf(delim, k, StringComparison.Ordinal);
            if (close < 0) return -1;
            bool doubledSingle = delim.Length == 1 && close + 1 < text.Length && text[close + 1] == delim[0];
            if (!char.IsWhiteSpace(text[close - 1]) && !doubledSingle &&
                !(delim == "_" && close + 1 < text.Length && char.IsLetterOrDigit(text[close + 1])))
                return close;
            k = close + (doubledSingle ? 2 : 1);
        }
    }

    private static string SafeUrl(string url)
    {
        url = url.Trim();
        var lower = url.ToLowerInvariant();
        if (lower.StartsWith("javascript:") || lower.StartsWith("vbscript:") ||
            (lower.StartsWith("data:") && !lower.StartsWith("data:image/")))
            return "#";
        return url;
    }

    public static string Esc(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex("^(#{1,6})\\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex("^(\\*\\s*){3,}$|^(-\\s*){3,}$|^(_\\s*){3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex("^\\|?\\s*:?-{1,}:?\\s*(\\|\\s*:?-{1,}:?\\s*)*\\|?$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex("^(?<indent>[ \\t]*)(?<marker>[-*+]|\\d{1,9}[.)])\\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex("\\G(?<img>!?)\\[(?<text>[^\\]]*)\\]\\((?<url>[^)\\s]*)(\\s+\"[^\"]*\")?\\)")]
    private static partial Regex Link();

    [GeneratedRegex("\\G<(https?://[^>\\s]+)>")]
    private static partial Regex AutoLink();
}
