namespace OpenC3.Grains.Abstractions.Common;

/// <summary>
/// The database cannot do the work now (unreachable, out of space, locked). Thrown by the silo in place of
/// the driver's own exception, which Orleans cannot carry to a client; the API answers it with `stat:false`.
/// </summary>
[GenerateSerializer, Alias("openc3.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message);
