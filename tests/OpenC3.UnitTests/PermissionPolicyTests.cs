using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.UnitTests;

public sealed class PermissionPolicyTests
{
    // Tree: 1 = a, 2 = a.b, 3 = a.b.c; private node 4000000001 belongs to "jane_doe" (login jane.doe).
    private static readonly AccessSnapshot Access = new(
        new Dictionary<string, int> { ["admin"] = 3, ["globalops"] = 2 },
        new Dictionary<(string, long), int> { [("dev", 1)] = 1, [("ops", 2)] = 2 },
        AccessSnapshot.ParentsOf([(1, "a"), (2, "a.b"), (3, "a.b.c")]),
        new Dictionary<long, string> { [4000000001] = "jane_doe" });

    [Theory]
    [InlineData("dev", "openc3_job_read", 3, true)]
    [InlineData("dev", "openc3_job_control", 3, true)]
    [InlineData("dev", "openc3_job_write", 1, false)]
    [InlineData("ops", "openc3_job_write", 3, true)]
    [InlineData("ops", "openc3_job_read", 1, false)]
    [InlineData("ops", "openc3_job_vssh", 2, true)]
    [InlineData("globalops", "openc3_job_delete", 3, true)]
    [InlineData("globalops", "openc3_job_root", 0, false)]
    [InlineData("admin", "openc3_connector_root", 0, true)]
    [InlineData("ops", "openc3_job_root", 2, false)]
    public void TreePoints_UseTheBestGrantOnTheNodeOrAnAncestor(string user, string point, long tree, bool allowed) =>
        Assert.Equal(allowed, PermissionPolicy.Check(Access, user, point, tree));

    [Fact]
    public void GlobalNode_IsReadableByAll_AndWritableByAdminsOnly()
    {
        Assert.True(PermissionPolicy.Check(Access, "stranger", "openc3_job_read", 0));
        Assert.False(PermissionPolicy.Check(Access, "globalops", "openc3_job_write", 0));
        Assert.True(PermissionPolicy.Check(Access, "admin", "openc3_job_delete", 0));
    }

    [Fact]
    public void PrivateNodes_AreTheOwnersOnly_AndThePrivateRootIsOpen()
    {
        Assert.True(PermissionPolicy.Check(Access, "jane.doe", "openc3_job_write", 4000000001));
        Assert.False(PermissionPolicy.Check(Access, "admin", "openc3_job_read", 4000000001));
        Assert.True(PermissionPolicy.Check(Access, "stranger", "openc3_job_write", PermissionPolicy.PrivateRoot));
    }

    [Theory]
    [InlineData("openc3_job_fly")]
    [InlineData("openc3_nosuch_read")]
    [InlineData("root")]
    public void UnknownPoints_HaveNoAnswer(string point) => Assert.Null(PermissionPolicy.Check(Access, "admin", point, 1));
}
