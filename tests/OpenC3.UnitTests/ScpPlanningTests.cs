using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Subtasks;
using OpenC3.Grains.Tasks;

namespace OpenC3.UnitTests;

/// <summary>scp steps before any byte moves: upstream's path rules, variables, the source header, the node range of result blocks.</summary>
public sealed class ScpPlanningTests
{
    [Theory]
    [InlineData("/data/app/", "/srv/app", "/srv/app/")]
    [InlineData("/data/app/", "/srv/app/", "/srv/app/")]
    [InlineData("/data/app.tar", "/srv/", "/srv/app.tar")]
    [InlineData("/data/app.tar", "/srv/renamed.tar", "/srv/renamed.tar")]
    [InlineData("/data/app", "/srv/", "/srv/app")]
    public void PathRules_FollowUpstream(string sp, string dp, string target) =>
        Assert.Equal(target, Plan(new ScpStepDefinition("builtin", "10.0.0.1", sp, dp, "", "", false)).Start!.Copy!.TargetPath);

    [Fact]
    public void FileServerSource_KeepsItsNameInADirectory_AndVariablesAreSubstituted()
    {
        var copy = Plan(new ScpStepDefinition("fileserver", "", "app-$version.tgz", "/srv/$env/", "www", "644", true), new() { ["version"] = "1.2", ["env"] = "prod" }).Start!.Copy!;
        Assert.True(copy.FromFileServer);
        Assert.Equal(("app-1.2.tgz", "/srv/prod/app-1.2.tgz", "www", "644", true), (copy.SourcePath, copy.TargetPath, copy.Chown, copy.Chmod, copy.Mirror));
        Assert.Null(copy.Skip);
    }

    [Theory]
    [InlineData("rollback:app.tgz")]
    [InlineData("comeback:app.tgz")]
    [InlineData("backup-1")]
    public void RollbackAndBackupMarkers_AreNotCopied(string name) =>
        Assert.NotNull(Plan(new ScpStepDefinition("fileserver", "", name, "/srv/", "", "", false)).Start!.Copy!.Skip);

    [Fact]
    public void UndefinedVariables_InAnyPart_AreNamedOnce()
    {
        var plan = Plan(new ScpStepDefinition("variable", "$src", "/a/$xx", "/b/$xx/${yy}", "", "", false), dst: "$dst", dstType: "variable");
        Assert.Equal("variable undef:src,dst,xx,yy", plan.Error);
    }

    [Theory]
    [InlineData("builtin", "10.0.0.1", "", "/x/", "sp undef")]
    [InlineData("builtin", "10.0.0.1", "/a", "", "dp undef")]
    [InlineData("fileserver", "", "dir/name", "/x/", "sp format error")]
    [InlineData("builtin", ",", "/a", "/x/", "src null")]
    public void IncompleteCopies_AreRefused(string srcType, string src, string sp, string dp, string error) =>
        Assert.Equal(error, Plan(new ScpStepDefinition(srcType, src, sp, dp, "", "", false)).Error);

    [Fact]
    public void IntoTheFileServer_StoresSpsBaseNameAsTheTasksUser_IgnoringDp()
    {
        var copy = Plan(new ScpStepDefinition("builtin", "10.0.0.1", "/var/log/$name", "/tmp/abc/", "", "", true, ToFileServer: true), new() { ["name"] = "app.log" }, dst: "fileserver", dstType: "fileserver").Start!.Copy!;
        Assert.Equal(("app.log", false, new FileServerDestination(0, "app.log", "me")), (copy.TargetPath, copy.Mirror, copy.ToFileServer));
    }

    [Theory]
    [InlineData("10.0.0.1,10.0.0.3", "/a/app.log", "dst_type fileserver copies from exactly one source host")]
    [InlineData("10.0.0.1", "/a/dir/", "dst_type fileserver stores a single file: sp must not be a directory")]
    [InlineData("10.0.0.1", "/a/$quoted", "sp format error: its file name is not a valid file server name")]
    [InlineData("10.0.0.1", "/a/..", "sp format error: its file name is not a valid file server name")]
    public void IntoTheFileServer_RefusesWhatIsNotOneFileOfOneHost(string src, string sp, string error) =>
        Assert.Equal(error, Plan(new ScpStepDefinition("builtin", src, sp, "/tmp/abc/", "", "", false, ToFileServer: true), new() { ["quoted"] = "it's" }, dst: "fileserver", dstType: "fileserver").Error);

    [Fact]
    public void AdHocCopies_FailFast_JobCopiesOnlyWhenExitSaysSo()
    {
        var scp = new ScpStepDefinition("builtin", "10.0.0.1", "/a", "/b", "", "", false);
        Assert.True(Plan(scp, jobType: "plugin_scp").Start!.FailFast);
        Assert.False(Plan(scp, new() { ["_exit_"] = "cmd" }).Start!.FailFast);
        Assert.True(Plan(scp, new() { ["_exit_"] = "scp" }).Start!.FailFast);
        Assert.True(Plan(scp, new() { ["_exit_"] = "1" }).Start!.FailFast);
    }

    [Fact]
    public void CopyHeader_IsADirectoryOrAFileWithModeAndSize()
    {
        Assert.Equal(new CopyHeader(true, "", 0), CopyHeader.Parse("d"));
        Assert.Equal(new CopyHeader(false, "0755", 12), CopyHeader.Parse("f 0755 12"));
        Assert.Null(CopyHeader.Parse("f 999 12"));
        Assert.Null(CopyHeader.Parse("f 644 -1"));
        Assert.Null(CopyHeader.Parse("garbage"));
    }

    [Fact]
    public void ScpCommands_QuotePaths_AndRefuseUnsafeOwnersAndModes()
    {
        var target = ScpCommands.FileTarget("/srv/it's here", "a b", new CopyHeader(false, "644", 3), "www", "600", "www", "deploy");
        Assert.StartsWith("sudo -n -u www sh -c ", target, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScpCommands.FileTarget("/srv/x", "x", new CopyHeader(false, "644", 3), "www;id", "", "deploy", "deploy"));
        Assert.Throws<ArgumentException>(() => ScpCommands.DirectoryTarget("/srv/x", false, "", "7 7", "deploy", "deploy"));
        Assert.DoesNotContain("sudo", ScpCommands.Source("/srv/x", "deploy", "deploy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.2,127.0.0.3,127.0.0.4", "127.0.0.{2~4}")]
    [InlineData("10.0.0.9,10.0.0.2,10.0.0.3,10.0.0.5", "10.0.0.{2~3,5,9}")]
    [InlineData("10.0.1.7,10.0.2.7", "10.0.{1~2}.7")]
    [InlineData("web1,db", "db,web1")]
    [InlineData("a1b,a2b,c", "a{1~2}b,c")]
    public void NodeRange_FoldsTheNumberThatVaries(string hosts, string range) =>
        Assert.Equal(range, NodeRange.Format(hosts.Split(',')));

    [Fact]
    public void Skip_EndsAStepThatHasNothingToDo_AsIgnore()
    {
        var skipped = SubtaskMachine.Skip(SubtaskMachineState.Initial(failFast: false), "nothing to copy");
        Assert.Equal((SubtaskStatus.Ignore, "nothing to copy"), (skipped.Status, skipped.Reason));
        Assert.Same(skipped, SubtaskMachine.Skip(skipped, "again"));
    }

    private static StepPlan Plan(ScpStepDefinition scp, Dictionary<string, string>? variables = null, string jobType = "jobs", string dst = "10.0.0.2", string dstType = "builtin")
    {
        var step = new StepDefinition { Type = "scp", Uuid = "Stepuuid0001", Name = "copy", User = "deploy", NodeType = dstType, NodeCont = dst, Timeout = 60, Scp = scp };
        var task = new TaskDefinition(0, "job", "me", "page", jobType, "Jobuuid00001", "", variables ?? [], new Dictionary<string, string>(), [step], FailFast: false);
        return StepPlans.Plan("Taskuuid0001", 0, task, "deploy");
    }
}
