using Microsoft.Extensions.Logging;
using OpenC3.Grains.Storage;

namespace OpenC3.Silo;

/// <summary>
/// A client-mode API host started before its silos, or before a silo applied the schema, keeps
/// trying to reach a gateway instead of exiting; `/readyz` answers "not ready" meanwhile.
/// </summary>
internal sealed class GatewayRetryFilter(ILogger<GatewayRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int failedAttempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.Delay(++failedAttempts);
        logger.LogWarning("Waiting for the cluster (no silo gateway or schema yet: {Error}); attempt {Attempt}, next in {Delay} s",
            exception.GetBaseException().Message, failedAttempts, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }
}
