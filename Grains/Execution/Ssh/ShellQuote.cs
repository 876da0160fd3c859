namespace OpenC3.Grains.Execution;

/// <summary>POSIX shell quoting: the value becomes one word, whatever it contains.</summary>
public static class ShellQuote
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
