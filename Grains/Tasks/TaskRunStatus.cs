namespace OpenC3.Grains.Tasks;

/// <summary>A task's status on the wire: init → running ⇄ waiting → success | fail | refuse.</summary>
public static class TaskRunStatus
{
    public const string Init = "init";
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Success = "success";
    public const string Fail = "fail";
    public const string Refuse = "refuse";

    public static bool IsFinal(string status) => status is Success or Fail or Refuse;
}
