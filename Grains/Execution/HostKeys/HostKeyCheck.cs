using OpenC3.Grains.Abstractions.Execution;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Decides, for one connection, whether the key a host presents is trusted: the fixed
/// `Ssh:HostKeyFingerprint` when it is set, else the key pinned for the host, else any key (trust on
/// first use; the caller pins it once connected).
/// </summary>
public sealed class HostKeyCheck(string? fixedFingerprint, HostKeyView? pinned)
{
    public string? KeyType { get; private set; }

    /// <summary>`SHA256:…` of the key the host presented.</summary>
    public string? Presented { get; private set; }

    /// <summary>Whether the caller should pin the presented key: nothing fixed, nothing pinned yet.</summary>
    public bool FirstUse => fixedFingerprint is not { Length: > 0 } && pinned is null;

    /// <summary>The host presented a key other than its pinned one.</summary>
    public bool Changed => pinned is not null && Presented is not null && Presented != pinned.Fingerprint;

    /// <param name="sha256">Base64 SHA256 of the key, as `ssh-keygen -l` prints it without `SHA256:`.</param>
    public bool Trust(string keyType, string sha256)
    {
        KeyType = keyType;
        Presented = "SHA256:" + sha256;
        return fixedFingerprint is { Length: > 0 } expected ? sha256 == expected : !Changed;
    }

    public static string ChangedReason(string recorded, string presented) =>
        $"host key changed: recorded {recorded}, presented {presented}; an admin must accept the new key";
}
