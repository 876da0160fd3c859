using OpenC3.Grains.Execution;

namespace OpenC3.Bench;

/// <summary>
/// Scenario 3's baseline runs what the product runs on a host for a shell step `true` (the wrapper of <see cref="ScriptCommand"/>,
/// without the step's `wk_*` values): this prints that command line and its stdin.
/// </summary>
public static class RemoteCommand
{
    public sealed record Result(string Command, string Stdin);

    public static Result Build(Options options)
    {
        var user = options.Text("user");
        var run = ScriptCommand.Build("shell", "true", string.Empty, new Dictionary<string, string>(), new Dictionary<string, string>(), user, user, "bench");
        return new Result(run.CommandText, run.Stdin);
    }
}
