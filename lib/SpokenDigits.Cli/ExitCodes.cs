namespace SpokenDigits.Cli;

/// <summary>What <c>spokendigits</c> returns to the shell.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;
    /// <summary>The work failed: bad input (a missing folder, an unreadable WAV), a missed budget, a failed model, an unexpected error.</summary>
    public const int Error = 1;
    /// <summary>The command line itself is wrong: an unknown command or option, a bad option value, no command.</summary>
    public const int Usage = 2;
    /// <summary><c>predict</c>: every readable file was answered "no speech" (the detector found no word).</summary>
    public const int NoSpeech = 3;
    /// <summary>Stopped by Ctrl+C (128 + SIGINT), after the current step.</summary>
    public const int Cancelled = 130;
}
