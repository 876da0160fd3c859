using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Subtasks;
using OpenC3.Grains.Tasks;
using Orleans.Serialization;
using Orleans.Storage;

namespace OpenC3.UnitTests;

/// <summary>
/// Runs stored before a change of <see cref="StepDefinition"/> must still load: the blobs under StateBlobs/ were written by
/// the build before it (the silo's System.Text.Json storage serializer, a task with cmd, scp and approval steps and two of its steps).
/// </summary>
public sealed class StepStateCompatibilityTests
{
    private static readonly SystemTextJsonGrainStorageSerializer Serializer = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    private static readonly StepDefinition Cmd = new()
    {
        Type = "cmd", Uuid = "Stepcmd00001", Name = "deploy app", User = "root", NodeType = "builtin", NodeCont = "127.0.0.2,127.0.0.3",
        ScriptsType = "shell", ScriptsCont = "echo $version\nexit 0", ScriptsArgv = "--fast", Timeout = 120, Pause = "check it",
        When = new StepApplicability("test", "deploy", "always"),
    };

    private static readonly StepDefinition Scp = new()
    {
        Type = "scp", Uuid = "Stepscp00001", Name = "copy conf", User = "deploy", NodeType = "builtin", NodeCont = "127.0.0.4", Timeout = 60,
        Scp = new ScpStepDefinition("builtin", "127.0.0.2", "/etc/app.conf", "/etc/app/", "deploy", "644", true), When = StepApplicability.Always,
    };

    private static readonly StepDefinition Approval = new()
    {
        Type = "approval", Uuid = "Stepappr0001", Name = "go live?", Timeout = 86400, Pause = "after approval",
        Approval = new ApprovalStepDefinition("defaultTemplate", "ops@example.com,$owner", true, "on"), When = new StepApplicability("online", "always", "firsttime"),
    };

    [Fact]
    public void TaskState_StoredBefore_LoadsItsStepsUnchanged()
    {
        var (stored, loaded) = Load<TaskState>("task-state.json");

        var definition = loaded.Definition!;
        Assert.Equal([Cmd, Scp, Approval], definition.Steps);
        Assert.Equal(("release", "1.2.3", true), (definition.Mutex, definition.Variables["version"], definition.FailFast));
        Assert.Equal(("running", 2, "silo-a"), (loaded.Machine.Status, loaded.Machine.Current, loaded.Slave));
        AssertWrittenAsStored(stored, loaded);
    }

    [Fact]
    public void ApprovalSubtaskState_StoredBefore_LoadsItsRenderedStep()
    {
        var (stored, loaded) = Load<SubtaskState>("subtask-approval-state.json");

        var rendered = Approval with { Approval = Approval.Approval! with { Cont = "release 1.2.3 to online", Approver = "ops@example.com,bob", Submitter = "alice@example.com" } };
        Assert.Equal(rendered, loaded.Start!.Step);
        Assert.Equal(("Batchuuid001", SubtaskStatus.Running), (loaded.ApprovalBatch, loaded.Machine.Status));
        AssertWrittenAsStored(stored, loaded);
    }

    [Fact]
    public void ScpSubtaskState_StoredBefore_LoadsItsStepAndCopy()
    {
        var (stored, loaded) = Load<SubtaskState>("subtask-scp-state.json");

        Assert.Equal(Scp, loaded.Start!.Step);
        Assert.Equal(("/etc/app/app.conf", "127.0.0.2"), (loaded.Start.Copy!.TargetPath, loaded.Start.Copy.SourceHosts.Single()));
        Assert.Equal(new HostRun("127.0.0.4", HostStatus.Success, 1, 0, null, "1234:5678"), loaded.Machine.Hosts.Single());
        AssertWrittenAsStored(stored, loaded);
    }

    /// <summary>The step's properties keep their stored names: this build writes back what it read.</summary>
    private static void AssertWrittenAsStored<T>(string stored, T loaded) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(Serializer.Serialize(loaded))), $"written differently than stored:\n{Serializer.Serialize(loaded)}");

    private static (string Stored, T Loaded) Load<T>(string blob)
    {
        var stored = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StateBlobs", blob));
        return (stored, Serializer.Deserialize<T>(BinaryData.FromString(stored))!);
    }
}
