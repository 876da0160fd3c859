namespace OpenC3.Cli;

/// <summary>The server could not be used (unreachable, not the OpenC3 API): exit code 2.</summary>
public sealed class ApiException(string message) : Exception(message);
