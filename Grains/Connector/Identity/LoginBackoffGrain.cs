using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Grains.Connector;

[GrainType("login-backoff")]
public sealed class LoginBackoffGrain(IOptions<ConnectorOptions> options, TimeProvider clock) : Grain, ILoginBackoffGrain
{
    private readonly LoginBackoff backoff = new(options.Value);

    public Task<TimeSpan> Admit(string user, string address)
    {
        // Idle collection would forget the counts early; they may only fade as configured.
        DelayDeactivation(options.Value.LoginBackoffForgetAfter);
        return Task.FromResult(backoff.Admit(user, address, clock.GetUtcNow()));
    }

    public Task Succeeded(string user, string address)
    {
        backoff.Succeeded(user, address, clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
