namespace OpenC3.Grains.Abstractions.Common;

/// <summary>
/// Tells a database that cannot work now from a defect. An embedded silo's grains hand the API their driver's
/// exceptions as they are, and only the storage knows its drivers: the host registers the implementation.
/// </summary>
public interface IStorageFaults
{
    /// <summary>What a caller should be told about the storage fault in <paramref name="error"/>'s causes; null when it is not one.</summary>
    string? Describe(Exception error);
}
