namespace OpenC3.Grains.Tasks;

/// <summary>
/// Upstream's `_exit_` variable: `1` or `true` make any failed cmd or scp step fail its task at once
/// instead of waiting for a decision; `cmd` or `scp` do that for steps of that type only. The task's
/// value wins over the job's default.
/// </summary>
public static class FailFastRule
{
    public static bool Applies(string stepType, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string> defaults)
    {
        var exit = variables.GetValueOrDefault("_exit_") is { Length: > 0 } fromTask ? fromTask : defaults.GetValueOrDefault("_exit_", string.Empty);
        return exit is "1" or "true" || exit == stepType;
    }
}
