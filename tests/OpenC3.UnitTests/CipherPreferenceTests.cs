using System.Security.Cryptography;
using OpenC3.Grains.Execution;
using Renci.SshNet;

namespace OpenC3.UnitTests;

public sealed class CipherPreferenceTests
{
    [Fact]
    public void GcmIsOfferedFirst_AndNoCipherIsDropped()
    {
        var info = new ConnectionInfo("h", "u", new NoneAuthenticationMethod("u"));
        var before = info.Encryptions.Keys.Order(StringComparer.Ordinal).ToList();

        CipherPreference.Apply(info);

        Assert.True(AesGcm.IsSupported, "this machine has no hardware AES-GCM: the preference is off here");
        Assert.Equal(["aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr"], info.Encryptions.Keys.Take(3));
        Assert.Equal(before, info.Encryptions.Keys.Order(StringComparer.Ordinal));
    }
}
