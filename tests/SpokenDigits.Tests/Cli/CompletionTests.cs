using System.Diagnostics;
using SpokenDigits.Cli;
using SpokenDigits.Cli.Commands;

namespace SpokenDigits.Tests.Cli;

/// <summary>Tab completion: System.CommandLine's <c>[suggest:POSITION]</c> directive answers from the command tree, and
/// the scripts of <c>spokendigits completion bash|zsh</c> ask it.</summary>
public class CompletionTests
{
    static string[] Suggest(string line)
    {
        var outcome = CliRun.InProcess($"[suggest:{line.Length}]", line);
        Assert.Equal(ExitCodes.Success, outcome.Code);
        return outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Theory]
    [InlineData("tr", "train")]
    [InlineData("re", "report")]
    [InlineData("run", "run-notebook")]
    [InlineData("comp", "completion")]
    public void APartialWordCompletesToTheCommand(string partial, string command)
    {
        var suggestions = Suggest(partial);
        Assert.Contains(command, suggestions);
        Assert.All(suggestions, s => Assert.Contains(partial, s));   // System.CommandLine offers every name that contains the word
        Assert.DoesNotContain("download", suggestions);
    }

    [Fact]
    public void OptionsAndTheirValuesComplete()
    {
        Assert.Contains("--epochs", Suggest("train --ep"));
        Assert.Equal(["attention", "concat", "gated"], Suggest("train --fusion ").Order().ToArray());
        Assert.Contains("install", Suggest("kernel inst"));
    }

    [Fact]
    public void TheBashScriptCompletesCommandNamesThroughTheTool()
    {
        var script = CliRun.InProcess("completion", "bash").Output;
        Assert.Contains("[suggest:", script);
        Assert.Equal(["train"], Bash(script, "./spokendigits tr"));
        Assert.Contains("--epochs", Bash(script, "spokendigits train --ep"));
    }

    [Fact]
    public void TheZshScriptAsksTheToolWithTheSuggestDirective()
    {
        var script = CliRun.InProcess("completion", "zsh").Output;
        Assert.Contains($"dotnet '{CliRun.Dll}' \"[suggest:", script.Replace(typeof(CompletionCommand).Assembly.Location, CliRun.Dll));
        Assert.Contains("compdef _spokendigits_complete spokendigits ./spokendigits", script);
    }

    /// <summary>Runs the bash script's completion function as bash would for <paramref name="line"/> (cursor at its end).</summary>
    static string[] Bash(string script, string line)
    {
        var words = line.Split(' ');
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        bash.StandardInput.Write(script + $$"""

            COMP_LINE='{{line}}'; COMP_POINT={{line.Length}}
            COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
            _spokendigits_complete
            printf '%s\n' "${COMPREPLY[@]}"

            """);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEnd();
        Assert.True(bash.WaitForExit(60_000), "bash did not finish");
        Assert.Equal(0, bash.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
