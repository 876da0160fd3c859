using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Agent;
using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class HostHealthTests
{
    [Fact]
    public void AHost_TurnsFail_OnItsFirstFailedCheck_CountingUp_AndBack_OnTheFirstSuccess()
    {
        var failed = HostHealth.After(0, new SshProbe.Outcome(null, "Connection refused"));
        Assert.Equal(new HostHealth.Row("fail", 1, "Connection refused", "0"), failed);
        Assert.Equal(new HostHealth.Row("fail", 2, "Connection timed out", "0"), HostHealth.After(failed.Fail, new SshProbe.Outcome(null, "Connection timed out")));
        Assert.Equal(new HostHealth.Row("success", 0, "ok", "OpenSSH_10.0"), HostHealth.After(failed.Fail, new SshProbe.Outcome("SSH-2.0-OpenSSH_10.0", null)));
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_10.0", "OpenSSH_10.0")]
    [InlineData("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5", "OpenSSH_9.6p1")]
    [InlineData("SSH-1.99-dropbear_2022.83", "dropbear_2022.83")]
    [InlineData("", "")]
    public void TheVersion_IsTheSoftwarePartOfTheSshIdentification(string identification, string version) =>
        Assert.Equal(version, HostHealth.Software(identification));

    [Fact]
    public void EveryInnerAndOuterAddress_IsProbedOnce()
    {
        MachineInfo[] machines = [new("a", "idc", "10.0.0.1", ""), new("b", "idc", "10.0.0.2, 10.0.0.3", "1.2.3.4"), new("c", "idc", "10.0.0.1", "")];
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3", "1.2.3.4"], CheckedAddresses.Of(machines));
    }

    [Fact]
    public void AHostBehindAProxy_SaysWhyItWasNotReached_InTheReasonColumnsWidth()
    {
        Assert.Equal("no proxy of region dc answered: 10.0.0.9 connect timeout", ProbeReason.Of(new ProxyPathException("no proxy of region dc answered: 10.0.0.9 connect timeout")));
        Assert.Equal(100, ProbeReason.Of(new ProxyPathException(new string('x', 300))).Length);
    }
}
