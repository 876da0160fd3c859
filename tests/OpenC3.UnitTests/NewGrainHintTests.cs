using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenC3.Api;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.UnitTests;

public sealed class NewGrainHintTests
{
    private static readonly GrainId Task = GrainId.Create("task", "aaaaaaaaaaaa");
    private static readonly GrainId Step = GrainId.Create("subtask", "aaaaaaaaaaaa:bbbbbbbbbbbb");

    [Fact]
    public void AHint_NamesOnlyItsGrain_AndEndsWithItsScope()
    {
        Assert.False(NewGrainHint.IsNew(Task));
        using (NewGrainHint.For(Task))
        {
            Assert.True(NewGrainHint.IsNew(Task));
            Assert.False(NewGrainHint.IsNew(Step));
            using (NewGrainHint.For(Step))
            {
                Assert.True(NewGrainHint.IsNew(Step));
                Assert.False(NewGrainHint.IsNew(Task));
            }

            Assert.True(NewGrainHint.IsNew(Task));
        }

        Assert.False(NewGrainHint.IsNew(Task));
    }

    [Fact]
    public async Task AnIncomingCall_RunsWithoutTheHint_ItsActivationWasReadWith()
    {
        using var hint = NewGrainHint.For(Task);
        var call = DispatchProxy.Create<IIncomingGrainCallContext, RecordingCall>();
        await new NewGrainHintFilter().Invoke(call);
        Assert.False(((RecordingCall)(object)call).SawHint);
    }

    [Fact]
    public void TheSiloRunsTheFilterOnEveryCall()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "openc3-hint-unused.db")}",
        });
        builder.AddOpenC3Api();
        using var app = builder.Build();
        Assert.Single(app.Services.GetServices<IIncomingGrainCallFilter>().OfType<NewGrainHintFilter>());
    }

    /// <summary>A call context whose invocation notes whether the hint was still there.</summary>
    public class RecordingCall : DispatchProxy
    {
        public bool SawHint { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IIncomingGrainCallContext.Invoke))
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            SawHint = NewGrainHint.IsNew(Task);
            return System.Threading.Tasks.Task.CompletedTask;
        }
    }
}
