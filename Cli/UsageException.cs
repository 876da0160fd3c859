namespace OpenC3.Cli;

/// <summary>The command line is wrong: the message is shown with a hint to `c3 --help`, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
