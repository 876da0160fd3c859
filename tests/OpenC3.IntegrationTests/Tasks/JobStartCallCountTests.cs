using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.IntegrationTests.Storage;
using Xunit.Abstractions;

namespace OpenC3.IntegrationTests.Tasks;

/// <summary>
/// A start from a job is one call from the API into the silo (it used to be 6–9, each a network round trip
/// for a client-mode API host), and the job's variables are read once.
/// </summary>
public sealed class JobStartCallCountTests(CountedSilo silo, ITestOutputHelper output) : IClassFixture<CountedSilo>
{
    [Fact]
    public async Task StartingAJobByName_IsOneCallIntoTheSilo_ThatReadsTheVariablesOnce()
    {
        var saved = await silo.Grains.GetGrain<IJobsGrain>(0).Create(1, new JobDraft("counted", Permanent: true, string.Empty, 0, [Step()]), "open-c3");
        Assert.Null(saved.Error);

        var request = new JobStartRequest(1, "counted", ByName: true, "open-c3", "page", new Dictionary<string, string>(), string.Empty, Uuid(), CheckPoints: true, Audited: true);
        var started = await silo.CountAsync(() => silo.Grains.GetGrain<IJobStartGrain>(0).Start(request));

        Assert.Equal(JobStartOutcome.Started, started.Outcome);
        var calls = silo.Calls.ToArray();
        foreach (var call in calls.GroupBy(c => c).OrderBy(g => g.Key))
        {
            output.WriteLine($"{call.Count()} × {call.Key}");
        }

        Assert.Equal(["api IJobStartGrain.Start"], calls.Where(c => c.StartsWith("api ", StringComparison.Ordinal)));
        Assert.Single(calls, c => c == "silo IJobVariablesGrain.List");
    }

    private static CmdStep Step() => new() { Name = "s", User = "root", NodeType = StepValues.Builtin, NodeCont = "127.0.0.1", ScriptsType = "shell", ScriptsCont = "true", Timeout = "5" };

    private static string Uuid() => Guid.NewGuid().ToString("N")[..12];
}

/// <summary>
/// An in-process SQLite silo that records the grain calls made for a counted request (marked in the request
/// context, which flows into the calls it causes): `api` from outside any grain, `silo` from a grain.
/// </summary>
public sealed class CountedSilo : InProcessSilo
{
    private const string Marker = "openc3-counted";

    public ConcurrentQueue<string> Calls { get; } = new();

    public async Task<T> CountAsync<T>(Func<Task<T>> request)
    {
        Calls.Clear();
        RequestContext.Set(Marker, true);
        try
        {
            return await request();
        }
        finally
        {
            RequestContext.Remove(Marker);
        }
    }

    protected override Task<Dictionary<string, string>> StorageSettingsAsync() => SqliteSilo.Settings();

    protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<IOutgoingGrainCallFilter>(new CallRecorder(Calls));

    private sealed class CallRecorder(ConcurrentQueue<string> calls) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (RequestContext.Get(Marker) is not null)
            {
                calls.Enqueue($"{(context.SourceId is null ? "api" : "silo")} {context.InterfaceMethod.DeclaringType?.Name}.{context.MethodName}");
            }

            return context.Invoke();
        }
    }
}
