using OpenC3.Grains.Abstractions.Execution;
using Orleans.Concurrency;

namespace OpenC3.Grains.Execution;

[StatelessWorker]
[GrainType("hostkeys")]
public sealed class HostKeysGrain(KnownHostStore store) : Grain, IHostKeysGrain
{
    public Task<IReadOnlyList<HostKeyView>> List() => store.ListAsync();

    public Task<int> Accept(string host, string user) => store.AcceptAsync(host, user);

    public Task<int> Forget(string host) => store.ForgetAsync(host);
}
