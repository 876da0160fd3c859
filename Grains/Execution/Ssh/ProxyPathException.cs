namespace OpenC3.Grains.Execution;

/// <summary>A host reached through proxies could not be reached; the message is the host's failure reason.</summary>
public sealed class ProxyPathException(string reason) : Exception(reason);
