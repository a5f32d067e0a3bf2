using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace SpokenDigits.Cli;

/// <summary>System.CommandLine's generated help, with the tool called by the name users type.</summary>
/// <remarks>A root command is named after the executable (<c>SpokenDigits.Cli</c> under <c>dotnet</c>), but users run
/// the wrapper script <c>./spokendigits</c>; the usage lines say so. The help itself stays System.CommandLine's.</remarks>
public static class HelpLayout
{
    public static void NameTool(RootCommand root, string name)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction generated)
            help.Action = new RenamedHelp(generated, new Regex($@"(?<=^|\s){Regex.Escape(root.Name)}(?=\s|$)", RegexOptions.Multiline), name);
    }

    sealed class RenamedHelp(SynchronousCommandLineAction generated, Regex executable, string name) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => generated.ClearsParseErrors;

        public override int Invoke(ParseResult parse)
        {
            var configuration = parse.InvocationConfiguration;
            var output = configuration.Output;
            var text = new StringWriter();
            configuration.Output = text;
            int code;
            try { code = generated.Invoke(parse); }
            finally { configuration.Output = output; }
            output.Write(executable.Replace(text.ToString(), name));
            return code;
        }
    }
}
