using System.Globalization;
using System.Text;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Upstream's step applicability (§7.4), as its cmd, scp and approval plugins check it before anything else: a
/// step meant for another environment, action or batch returns `success` at once, its subtask row untouched.
/// For a stand-alone run only `always` environments and actions run, and `firsttime`/`notthelasttime` steps are skipped.
/// </summary>
public static class StepSkipRule
{
    /// <summary>The step-log text upstream prints up to the check that skips the step, or null when the step runs.</summary>
    public static string? Skip(StepApplicability? when, DeploymentBatch batch)
    {
        if (when is null)
        {
            return null;
        }

        var log = new StringBuilder().Append('=', 35).Append("\ncheck ...\n")
            .Append(CultureInfo.InvariantCulture, $"expect deployenv: {when.Deployenv}; real deployenv:{batch.Deployenv}\n");
        if (when.Deployenv is "test" or "online" && when.Deployenv != batch.Deployenv)
        {
            return Skipped(log);
        }

        log.Append(CultureInfo.InvariantCulture, $"expect action: {when.Action}; real action:{batch.Action}\n");
        if (when.Action is "deploy" or "rollback" && when.Action != batch.Action)
        {
            return Skipped(log);
        }

        log.Append(CultureInfo.InvariantCulture, $"expect batches: {when.Batches}; real batches: {batch.Batch}\n");
        var skipped = when.Batches switch
        {
            "firsttime" => batch.Batch != 1,
            "thelasttime" => batch.Batch != batch.Groups,
            "notfirsttime" => batch.Batch == 1,
            "notthelasttime" => batch.Batch == batch.Groups,
            _ => false,
        };
        return skipped ? Skipped(log) : null;
    }

    private static string Skipped(StringBuilder log) => log.Append("[openc3] step skipped: not for this deployment\n").ToString();
}
