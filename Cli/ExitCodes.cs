namespace OpenC3.Cli;

/// <summary>What `c3` exits with: scripts branch on these.</summary>
public static class ExitCodes
{
    /// <summary>Done; for `run`, the task succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The server refused the call (`stat:false`), or the task failed.</summary>
    public const int Failed = 1;

    /// <summary>The task was refused by an approver, the command line is wrong, or the server could not be reached or answered nonsense.</summary>
    public const int Other = 2;
}
