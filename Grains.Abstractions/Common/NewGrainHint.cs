namespace OpenC3.Grains.Abstractions.Common;

/// <summary>
/// A caller that has just minted a grain's key (a random task uuid) says so on the call that activates the grain, so
/// its activation skips the read of a state that cannot exist: a statement less per task and per step on the start
/// path. A wrong hint cannot lose or overwrite state: a grain read as new writes with no etag, which both storages
/// accept only as the first row (else InconsistentStateException, and the activation reloads).
/// </summary>
public static class NewGrainHint
{
    private const string Key = "openc3.new-grain";

    /// <summary>Marks the calls made in this flow, until disposed, as addressed to <paramref name="grain"/> with no stored state.</summary>
    public static Scope For(GrainId grain)
    {
        var previous = RequestContext.Get(Key);
        RequestContext.Set(Key, grain.ToString());
        return new Scope(previous);
    }

    /// <summary>True when the call activating <paramref name="grain"/> was made with its hint.</summary>
    public static bool IsNew(GrainId grain) => RequestContext.Get(Key) is string hinted && hinted == grain.ToString();

    /// <summary>
    /// Ends the hint's reach once its grain activated: removed from every incoming call's context (a silo call filter),
    /// so work the call starts (a step's runner, whose reports call the step again) never carries it to a later activation.
    /// </summary>
    public static void Forget() => RequestContext.Remove(Key);

    public readonly struct Scope(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(Key);
            }
            else
            {
                RequestContext.Set(Key, previous);
            }
        }
    }
}
