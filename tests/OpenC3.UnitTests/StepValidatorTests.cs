using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class StepValidatorTests
{
    private const string Cmd = """{"plugin_type":"cmd","name":"run","user":"root","node_type":"builtin","node_cont":"10.0.0.1","scripts_type":"shell","scripts_cont":"echo hi","scripts_argv":"$ver"}""";
    private const string Scp = """{"plugin_type":"scp","name":"copy","user":"root","src_type":"builtin","src":"10.0.0.1","sp":"/a","dst_type":"builtin","dst":"10.0.0.2","dp":"/b"}""";
    private const string Approval = """{"plugin_type":"approval","name":"ok?","cont":"please","approver":"$approver,bob@x.org","deployenv":"always","action":"always","batches":"always","everyone":"on","relaxed":"off"}""";

    [Theory]
    [InlineData("""{"name":"x"}""", "data undef")]
    [InlineData("""{"data":""}""", "data undef")]
    [InlineData("""{"data":[]}""", "data not a array")]
    [InlineData("""{"data":{"a":1}}""", "data not a array")]
    public async Task MissingOrEmptyData_IsRefusedAsUpstream(string body, string expected) =>
        Assert.Equal(expected, (await ParseAsync(body)).Error);

    [Theory]
    [InlineData("""{"plugin_type":"cmd"}""", "check format fail name undef")]
    [InlineData("""{"plugin_type":"cmd","name":"it's"}""", "check format fail name format error")]
    [InlineData("""{"plugin_type":"cmd","name":"x","timeout":"1m"}""", @"check format fail timeout format error (?^:^\d*$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","pause":"'"}""", "check format fail pause format error")]
    [InlineData("""{"plugin_type":"shell","name":"x"}""", "check format fail plugin_type need in cmd,scp,approval")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"a b"}""", @"check format fail user format error (?^:^[a-zA-Z0-9\-_]+$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"list"}""", "check format fail node_type need in builtin,group,variable")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","scripts_type":"bash"}""", "check format fail scripts_type need in cite,shell,perl,python,php,buildin,auto")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"a b","scripts_type":"shell"}""", @"check format fail node_cont format error (?^:^[a-zA-Z0-9\.,\-]+$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"variable","node_cont":"$ip;","scripts_type":"shell"}""", @"check format fail node_cont format error (?^:^[a-zA-Z0-9\.,\-_\$]+$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"group","node_cont":"g1","scripts_type":"shell"}""", @"check format fail node_cont format error (?^:^\d+$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"group","node_cont":"404","scripts_type":"shell"}""", "nodegroup id 404 nofind")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"cite","scripts_cont":"x"}""", @"check format fail scripts_cont format error (?^:^\d+$)")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"cite","scripts_cont":"404"}""", "scripts id 404 nofind")]
    [InlineData("""{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"shell","deployenv":"prod"}""", "check format fail deployenv need in test,online,always")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"ftp"}""", "check format fail src_type need in builtin,group,fileserver,variable,ci")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","dst_type":"fileserver"}""", "check format fail dst_type need in builtin,group,variable")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","dst_type":"builtin","sp":"'"}""", "check format fail sp format error")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","dst_type":"builtin","chown":"a:b"}""", @"check format fail chown format error (?^:^[a-zA-Z0-9\-_]+$)")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","dst_type":"builtin","chmod":"u+x"}""", @"check format fail chmod format error (?^:^\d+$)")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"fileserver","sp":"dir/file","dst_type":"builtin","dst":"h"}""", "sp format error")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"group","src":"404","dst_type":"builtin","dst":"h"}""", "nodegroup id 404 nofind")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","src":"h","dst_type":"variable"}""", "check format fail dst undef")]
    [InlineData("""{"plugin_type":"scp","name":"x","user":"u","src_type":"builtin","src":"h","dst_type":"builtin","dst":"h","action":"redo"}""", "check format fail action need in deploy,rollback,always")]
    [InlineData("""{"plugin_type":"approval","name":"x"}""", "check format fail cont undef")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a b"}""", @"check format fail approver format error (?^:^[\$a-zA-Z0-9,\@_\-\.%]+$)")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a","deployenv":"x"}""", "check format fail deployenv need in test,online,always")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a","deployenv":"test","action":"always"}""", "check format fail batches undef")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a","deployenv":"test","action":"always","batches":"sometimes"}""", "check format fail batches need in firsttime,thelasttime,notfirsttime,notthelasttime,always")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a","deployenv":"test","action":"always","batches":"always","everyone":"all"}""", "check format fail everyone need in on,off")]
    [InlineData("""{"plugin_type":"approval","name":"x","cont":"c","approver":"a","deployenv":"test","action":"always","batches":"always","everyone":"on","relaxed":"yes"}""", "check format fail relaxed need in on,off,nervous")]
    public async Task BadStep_AnswersUpstreamsMessage_PrefixedWithItsOneBasedPosition(string step, string expected)
    {
        Assert.Equal($"step 1: {expected}", (await ParseAsync($$"""{"data":[{{step}}]}""")).Error);
        Assert.Equal($"step 3: {expected}", (await ParseAsync($$"""{"data":[{{Cmd}},{{Approval}},{{step}}]}""")).Error);
    }

    [Fact]
    public async Task ValidSteps_GetUpstreamsDefaults()
    {
        var parse = await ParseAsync($$"""{"data":[{{Cmd}},{{Scp}},{{Approval}}]}""");
        Assert.Null(parse.Error);
        var cmd = Assert.IsType<CmdStep>(parse.Steps![0]);
        Assert.Equal(("60", "", "always", "always", "always"), (cmd.Timeout, cmd.Pause, cmd.Deployenv, cmd.Action, cmd.Batches));
        Assert.Equal(("echo hi", "$ver"), (cmd.ScriptsCont, cmd.ScriptsArgv));
        var scp = Assert.IsType<ScpStep>(parse.Steps[1]);
        Assert.Equal(("", "", "0", "60"), (scp.Chown, scp.Chmod, scp.ScpDelete, scp.Timeout));
        var approval = Assert.IsType<ApprovalStep>(parse.Steps[2]);
        Assert.Equal(("86400", "on", "off", "ok?"), (approval.Timeout, approval.Everyone, approval.Relaxed, approval.Name));
    }

    [Fact]
    public async Task ZeroOrEmptyTimeout_TakesTheDefault_AsPerlsOrAssign()
    {
        var parse = await ParseAsync("""{"data":[{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"shell","timeout":0},{"plugin_type":"cmd","name":"y","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"shell","timeout":"300"}]}""");
        Assert.Equal(["60", "300"], parse.Steps!.Select(s => s.Timeout));
    }

    [Fact]
    public async Task SpecSpellings_AreAccepted_AndStoredCanonically()
    {
        var parse = await ParseAsync("""
            {"data":[
              {"plugin_type":"cmd","name":"x","user":"u","node_type":"buildin","node_cont":"h","scripts_type":"content","scripts_cont":"uptime"},
              {"plugin_type":"scp","name":"y","user":"u","src_type":"buildin","src":"h","dst_type":"buildin","dst":"h2","scp_delete":true}
            ]}
            """);
        var cmd = Assert.IsType<CmdStep>(parse.Steps![0]);
        Assert.Equal(("builtin", "shell"), (cmd.NodeType, cmd.ScriptsType));
        var scp = Assert.IsType<ScpStep>(parse.Steps[1]);
        Assert.Equal(("builtin", "builtin", "1"), (scp.SrcType, scp.DstType, scp.ScpDelete));
    }

    [Fact]
    public async Task FileServerSource_ClearsSrc_AndReferencesAreLookedUp()
    {
        var references = new FakeReferences(groups: [7], scripts: [9]);
        var parse = await ParseAsync(
            """
            {"data":[
              {"plugin_type":"scp","name":"x","user":"u","src_type":"fileserver","src":"ignored","sp":"pkg.tar.gz","dst_type":"group","dst":7},
              {"plugin_type":"cmd","name":"y","user":"u","node_type":"group","node_cont":"7","scripts_type":"cite","scripts_cont":9}
            ]}
            """,
            references);
        Assert.Null(parse.Error);
        Assert.Equal("", Assert.IsType<ScpStep>(parse.Steps![0]).Src);
        Assert.Equal("9", Assert.IsType<CmdStep>(parse.Steps[1]).ScriptsCont);
        Assert.Equal([7L, 7L], references.GroupLookups);
    }

    [Fact]
    public async Task OverlongVariableReference_IsRefused_BecauseItCouldNotBeStored()
    {
        var name = "v" + new string('x', 200);
        var parse = await ParseAsync($$"""{"data":[{{Cmd}},{"plugin_type":"approval","name":"a","cont":"c","approver":"${{name}}","deployenv":"always","action":"always","batches":"always","everyone":"on","relaxed":"off"}]}""");
        Assert.Equal($"step 2: variable name {name[..20]}… is longer than 200 characters", parse.Error);
        Assert.Null((await ParseAsync($$"""{"data":[{"plugin_type":"cmd","name":"x","user":"u","node_type":"builtin","node_cont":"h","scripts_type":"shell","scripts_argv":"${{name[..200]}}"}]}""")).Error);
    }

    private static Task<StepParse> ParseAsync(string body, IStepReferences? references = null) =>
        StepValidator.ParseAsync(RequestParams.FromObject(JsonDocument.Parse(body).RootElement), references ?? new FakeReferences([], []));

    private sealed class FakeReferences(long[] groups, long[] scripts) : IStepReferences
    {
        public List<long> GroupLookups { get; } = [];

        public Task<bool> NodeGroupExists(long id)
        {
            GroupLookups.Add(id);
            return Task.FromResult(groups.Contains(id));
        }

        public Task<bool> ScriptExists(long id) => Task.FromResult(scripts.Contains(id));
    }
}
