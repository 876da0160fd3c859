using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

public sealed class TaskState
{
    public TaskDefinition? Definition { get; set; }

    public TaskMachineState Machine { get; set; } = TaskMachineState.Initial(0);

    /// <summary>The host name of the silo that started the run (upstream's "slave").</summary>
    public string Slave { get; set; } = string.Empty;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many times the task entered `waiting`: each episode is notified once.</summary>
    public int WaitingEpisodes { get; set; }
}
