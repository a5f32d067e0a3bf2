using System.Globalization;

namespace SpokenDigits.Cli;

/// <summary>A small parser for <c>--name value</c>, <c>--flag</c> and positional arguments.
/// Options named in <c>flags</c> take no value; every other <c>--name</c> takes the next argument.</summary>
public sealed class CommandLine
{
    readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args, params string[] flags)
    {
        var flagSet = flags.ToHashSet(StringComparer.Ordinal);
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a.Length == 2 && !char.IsDigit(a[1])))
            {
                var name = a.TrimStart('-');
                string value;
                int eq = name.IndexOf('=');
                if (eq > 0 && a.StartsWith("--", StringComparison.Ordinal)) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (flagSet.Contains(name)) value = "true";
                else if (i + 1 < list.Count) value = list[++i];
                else throw new UsageException($"option {a} needs a value");
                if (!_options.TryGetValue(name, out var values)) _options[name] = values = new List<string>();
                values.Add(value);
            }
            else Positionals.Add(a);
        }
    }

    public List<string> Positionals { get; } = new();

    public string? Get(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v[^1] : null;
    }

    public IReadOnlyList<string> GetAll(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : Array.Empty<string>();
    }

    public bool Flag(string name) => Get(name) is { } v && !v.Equals("false", StringComparison.OrdinalIgnoreCase);

    public int? Int(string name) => Get(name) is { } v
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? x : throw new UsageException($"--{name} expects a whole number, got '{v}'")
        : null;

    public double? Double(string name) => Get(name) is { } v
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new UsageException($"--{name} expects a number, got '{v}'")
        : null;

    /// <summary>Fails on options nobody asked for (typos), after a command read what it knows.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
    }
}

/// <summary>A mistake on the command line: printed with the command's usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
