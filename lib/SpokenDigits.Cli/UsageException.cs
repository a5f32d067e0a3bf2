namespace SpokenDigits.Cli;

/// <summary>A mistake on the command line that the parser cannot see alone (options that exclude each other,
/// values that only fail together): printed as one line with a pointer to the command's help, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
