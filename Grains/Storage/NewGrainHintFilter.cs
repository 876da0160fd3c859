using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Storage;

/// <summary>Applies <see cref="NewGrainHint.Forget"/> to every incoming grain call: the hint served the activation, which came first.</summary>
public sealed class NewGrainHintFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        NewGrainHint.Forget();
        return context.Invoke();
    }
}
