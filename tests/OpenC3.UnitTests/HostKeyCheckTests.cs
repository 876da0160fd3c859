using OpenC3.Grains.Abstractions.Execution;
using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class HostKeyCheckTests
{
    private static readonly HostKeyView Pinned = new("h", 22, "ssh-ed25519", "SHA256:AAA", null, null, "first use", "t", "first use", "t");

    [Fact]
    public void UnknownHost_IsTrustedOnFirstUse_AndAsksToBePinned()
    {
        var check = new HostKeyCheck(null, null);
        Assert.True(check.Trust("ssh-ed25519", "NEW"));
        Assert.True(check.FirstUse);
        Assert.False(check.Changed);
        Assert.Equal("SHA256:NEW", check.Presented);
    }

    [Fact]
    public void PinnedHost_IsTrustedOnlyWithItsKey()
    {
        var same = new HostKeyCheck(null, Pinned);
        Assert.True(same.Trust("ssh-ed25519", "AAA"));
        Assert.False(same.FirstUse || same.Changed);

        var other = new HostKeyCheck(null, Pinned);
        Assert.False(other.Trust("ssh-ed25519", "BBB"));
        Assert.True(other.Changed);
        Assert.Equal("host key changed: recorded SHA256:AAA, presented SHA256:BBB; an admin must accept the new key", HostKeyCheck.ChangedReason(Pinned.Fingerprint, other.Presented!));
    }

    [Fact]
    public void FixedFingerprint_DecidesAlone_AndPinsNothing()
    {
        var check = new HostKeyCheck("FIXED", null);
        Assert.False(check.FirstUse);
        Assert.False(check.Trust("ssh-ed25519", "OTHER"));
        Assert.True(new HostKeyCheck("FIXED", null).Trust("ssh-ed25519", "FIXED"));
    }
}
