using System.Text.RegularExpressions;

namespace SpokenDigits.Data;

/// <summary>The <c>{digit}_{speaker}_{take}.wav</c> naming convention shared by FSDD and AudioMNIST.</summary>
public static partial class RecordingFileName
{
    /// <summary>The pattern, for messages.</summary>
    public const string Pattern = "{digit}_{speaker}_{take}.wav";

    [GeneratedRegex(@"^(?<digit>[0-9])_(?<speaker>[A-Za-z0-9-]+)_(?<take>[0-9]{1,6})\.[Ww][Aa][Vv]$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    /// <summary>Parses a file name (no folders) into a <see cref="Recording"/> at <paramref name="path"/>; null when it does not match.</summary>
    public static Recording? TryParse(string fileName, string path)
    {
        Match match = NameRegex().Match(fileName);
        if (!match.Success)
            return null;
        return new Recording(
            match.Groups["digit"].Value[0] - '0',
            match.Groups["speaker"].Value,
            int.Parse(match.Groups["take"].Value, System.Globalization.CultureInfo.InvariantCulture),
            path);
    }

    /// <summary>Whether <paramref name="fileName"/> follows the pattern.</summary>
    public static bool IsMatch(string fileName) => NameRegex().IsMatch(fileName);
}
