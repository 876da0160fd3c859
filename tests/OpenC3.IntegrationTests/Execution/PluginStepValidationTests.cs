using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// The plugin routes check a step with the job validator's rules (hosts by type, node group and script references, the
/// file server source) but in their own field order and with upstream's plugin patterns: the replies name them.
/// </summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class PluginStepValidationTests(ExecutionProduct product)
{
    private const string Scp = "/api/job/task/0/plugin_scp";
    private const string Cmd = "/api/job/task/0/plugin_cmd";
    private static readonly string Host = TestServers.SshHosts[0];

    [Theory]
    [InlineData("user", "dep-loy", "check format fail user format error (?^:^[A-Za-z0-9_]+$)")]
    [InlineData("chown", "web_app", @"check format fail chown format error (?^:^[a-zA-Z0-9\-]+$)")]
    [InlineData("chmod", "rw", @"check format fail chmod format error (?^:^\d+$)")]
    [InlineData("dp", null, "dp undef")]
    [InlineData("dst", "a b", @"check format fail dst format error (?^:^[a-zA-Z0-9\.,\-]+$)")]
    public async Task PluginScp_Field_IsRefusedWithUpstreamsPluginMessage(string field, string? value, string info)
    {
        using var app = product.App();
        var body = CopyBody();
        body[field] = value;
        if (value is null)
        {
            body.Remove(field);
        }

        Assert.Equal(info, (await app.PostAsync(Scp, body)).Info());
    }

    [Fact]
    public async Task PluginScp_HostsAreCheckedByTheirType_SourceFirst()
    {
        using var app = product.App();
        Assert.Equal(@"check format fail src format error (?^:^[a-zA-Z0-9\.,\-]+$)", (await app.PostAsync(Scp, CopyBody(("src_type", "buildin"), ("src", "a b")))).Info());
        Assert.Equal(@"check format fail src format error (?^:^[a-zA-Z0-9\.,\-_\$]+$)", (await app.PostAsync(Scp, CopyBody(("src_type", "ci"), ("src", "a b")))).Info());
        Assert.Equal("nodegroup id 987654 nofind", (await app.PostAsync(Scp, CopyBody(("dst_type", "group"), ("dst", "987654")))).Info());
        Assert.Equal("nodegroup id 987653 nofind", (await app.PostAsync(Scp, CopyBody(("src_type", "group"), ("src", "987653"), ("dst_type", "group"), ("dst", "987654")))).Info());
        Assert.Equal("check format fail src_type need in builtin,group,fileserver,ci", (await app.PostAsync(Scp, CopyBody(("src_type", "variable")))).Info());
    }

    [Fact]
    public async Task PluginCmd_UsesThePluginPatterns_ThenTheReferences()
    {
        using var app = product.App();
        Assert.Equal(@"check format fail node_cont format error (?^:^[a-zA-Z0-9\.,\-]+$)", (await app.PostAsync(Cmd, CommandBody(("node_type", "buildin"), ("node_cont", "a b")))).Info());
        Assert.Equal("check format fail scripts_argv format error (?^:^[^']*$)", (await app.PostAsync(Cmd, CommandBody(("scripts_argv", "it's")))).Info());

        // Format errors come before references, and the node group before the script.
        Assert.Equal("check format fail mutex format error (?^:^[a-zA-Z0-9]*$)", (await app.PostAsync(Cmd, CommandBody(("node_type", "group"), ("node_cont", "987654"), ("mutex", "a-b")))).Info());
        Assert.Equal("nodegroup id 987654 nofind", (await app.PostAsync(Cmd, CommandBody(("node_type", "group"), ("node_cont", "987654"), ("scripts_type", "cite"), ("scripts_cont", "987655")))).Info());

        // An id too long for a number names no node group; it is not a server error.
        Assert.Equal("nodegroup id 99999999999999999999 nofind", (await app.PostAsync(Cmd, CommandBody(("node_type", "group"), ("node_cont", "99999999999999999999")))).Info());
    }

    private static Dictionary<string, object?> CopyBody(params (string Field, string Value)[] changes) => Changed(
        new()
        {
            ["name"] = "copy", ["user"] = TestServers.SshUser, ["src_type"] = "builtin", ["src"] = Host, ["sp"] = "/etc/hostname",
            ["dst_type"] = "builtin", ["dst"] = Host, ["dp"] = "/tmp/openc3-never/",
        },
        changes);

    private static Dictionary<string, object?> CommandBody(params (string Field, string Value)[] changes) => Changed(
        new() { ["name"] = "run", ["user"] = TestServers.SshUser, ["node_type"] = "builtin", ["node_cont"] = Host, ["scripts_type"] = "shell", ["scripts_cont"] = "id" },
        changes);

    private static Dictionary<string, object?> Changed(Dictionary<string, object?> body, (string Field, string Value)[] changes)
    {
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }
}
