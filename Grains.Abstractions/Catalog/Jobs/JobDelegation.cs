namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>A job whose `_authorization_` variable is `true` is delegated: the control point suffices to start and steer its runs.</summary>
public static class JobDelegation
{
    public const string VariableName = "_authorization_";

    public static bool IsDelegated(IEnumerable<JobVariable> variables) => variables.Any(v => v.Name == VariableName && v.Value == "true");
}
