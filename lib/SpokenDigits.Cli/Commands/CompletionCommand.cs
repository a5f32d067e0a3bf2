using System.CommandLine;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits completion bash|zsh</c>: a tab-completion script for the shell. It asks the tool itself
/// through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always match the commands and
/// options defined here: <c>eval "$(./spokendigits completion bash)"</c>, or that line in ~/.bashrc (~/.zshrc).</summary>
public static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion",
            "print a tab-completion script: eval \"$(./spokendigits completion bash)\" (or zsh) in the shell or its rc file")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            var tool = Quoted(typeof(CompletionCommand).Assembly.Location);
            parse.InvocationConfiguration.Output.Write(parse.GetValue(shell) == "zsh" ? Zsh(tool) : Bash(tool));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The bash script: the words before the cursor, without the program's own, go to the tool's suggest directive.</summary>
    public static string Bash(string tool) => $$"""
        # {{SpokenDigitsCli.Name}} tab completion for bash (from '{{SpokenDigitsCli.Name}} completion bash')
        _spokendigits_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            line="${line#"${COMP_WORDS[0]}"}"
            line="${line#"${line%%[![:space:]]*}"}"
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$(dotnet {{tool}} "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _spokendigits_complete {{SpokenDigitsCli.Name}} ./{{SpokenDigitsCli.Name}}

        """;

    /// <summary>The zsh script, likewise.</summary>
    public static string Zsh(string tool) => $$"""
        # {{SpokenDigitsCli.Name}} tab completion for zsh (from '{{SpokenDigitsCli.Name}} completion zsh')
        _spokendigits_complete()
        {
            local line="${(j: :)words[2,CURRENT]}"
            local -a candidates
            candidates=("${(@f)$(dotnet {{tool}} "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a candidates
        }
        (( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }
        compdef _spokendigits_complete {{SpokenDigitsCli.Name}} ./{{SpokenDigitsCli.Name}}

        """;

    static string Quoted(string path) => "'" + path.Replace("'", "'\\''") + "'";
}
