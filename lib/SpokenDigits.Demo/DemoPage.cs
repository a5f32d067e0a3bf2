namespace SpokenDigits.Demo;

/// <summary>The page's files, embedded in this assembly (Page/).</summary>
public static class DemoPage
{
    public static readonly IReadOnlyList<(string Path, string Resource, string ContentType)> Files =
    [
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/demo.js", "page/demo.js", "text/javascript; charset=utf-8"),
        ("/demo.css", "page/demo.css", "text/css; charset=utf-8"),
    ];

    static readonly Dictionary<string, string> Cache = new();

    public static string Read(string resource)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(resource, out var text)) return text;
            using var stream = typeof(DemoPage).Assembly.GetManifestResourceStream(resource)
                               ?? throw new InvalidOperationException($"the demo page's {resource} is not embedded in {typeof(DemoPage).Assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            return Cache[resource] = reader.ReadToEnd();
        }
    }
}
