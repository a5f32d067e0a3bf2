using System.CommandLine;

namespace SpokenDigits.Cli;

/// <summary>Small helpers over System.CommandLine's options, shared by every command.</summary>
public static class OptionValues
{
    /// <summary>Whether the option was written on the command line (not just filled in by its default).</summary>
    public static bool WasGiven(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Checks each value with <paramref name="parse"/> (a library parser that throws
    /// <see cref="ArgumentException"/> on bad text), so that a bad value is a parse error naming the option.</summary>
    /// <remarks>The parser is an <see cref="Action{T}"/> so that building the command tree loads no library type:
    /// <c>run-notebook</c> and <c>kernel</c> must leave the SpokenDigits library to the notebooks' own <c>#r</c>.</remarks>
    public static Option<T> CheckedBy<T>(this Option<T> option, Action<string> parse)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                try { parse(token.Value); }
                catch (ArgumentException e) { result.AddError($"{option.Name}: {e.Message}"); }
            }
        });
        return option;
    }

    /// <summary>Offers <paramref name="values"/> as tab completions (other values stay allowed).</summary>
    public static Option<T> Completing<T>(this Option<T> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>Runs <paramref name="bind"/>, turning a library's <see cref="ArgumentException"/> about the
    /// values just read from the command line into a usage error that names <paramref name="what"/>.</summary>
    public static T Bind<T>(string what, Func<T> bind)
    {
        try { return bind(); }
        catch (ArgumentException e) { throw new UsageException($"{what}: {e.Message}"); }
    }

    /// <summary>The command line as typed, for the run's saved record: <c>spokendigits train --epochs 3</c>.</summary>
    public static string CommandText(this ParseResult parse) =>
        string.Join(' ', new[] { SpokenDigitsCli.Name }.Concat(parse.Tokens.Select(t => t.Value)));
}
