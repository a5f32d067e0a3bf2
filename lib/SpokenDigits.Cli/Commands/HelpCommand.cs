using System.CommandLine;

namespace SpokenDigits.Cli.Commands;

/// <summary><c>spokendigits help [command]</c>: the same help as <c>--help</c> (kept from the first versions of the tool).</summary>
public static class HelpCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "the command to describe" };
        var command = new Command("help", "show help for the tool or a command") { names };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var path = parse.GetValue(names) ?? [];
            Command described = parse.RootCommandResult.Command;
            foreach (var name in path)
                described = described.Subcommands.FirstOrDefault(c => c.Name == name && !c.Hidden)
                            ?? throw new UsageException($"no command '{string.Join(' ', path)}'");
            return parse.RootCommandResult.Command.Parse([.. path, "--help"]).Invoke(parse.InvocationConfiguration);
        });
        return command;
    }
}
