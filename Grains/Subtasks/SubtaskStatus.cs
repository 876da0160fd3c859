namespace OpenC3.Grains.Subtasks;

/// <summary>A step's status on the wire: null (not started), running, decision, success, fail, ignore, refuse.</summary>
public static class SubtaskStatus
{
    public const string Running = "running";
    public const string Decision = "decision";
    public const string Success = "success";
    public const string Fail = "fail";
    public const string Ignore = "ignore";
    public const string Refuse = "refuse";

    public static bool IsFinal(string? status) => status is Success or Fail or Ignore or Refuse;
}
