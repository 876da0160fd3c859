namespace OpenC3.Grains.Catalog;

/// <summary>
/// How a save changes a job's variables: referenced names that do not exist yet are added with an empty
/// value, existing names no longer referenced are removed (special ones too, as upstream: the UI posts
/// them again), and every kept name takes the env tag of its references.
/// </summary>
public sealed record VariablePlan(IReadOnlyList<string> Add, IReadOnlyList<string> Remove, IReadOnlyDictionary<string, string> Env)
{
    public static VariablePlan For(IEnumerable<string> existing, IReadOnlyDictionary<string, string> referenced)
    {
        var have = existing.ToHashSet(StringComparer.Ordinal);
        return new VariablePlan(
            referenced.Keys.Where(name => !have.Contains(name)).Order(StringComparer.Ordinal).ToList(),
            have.Where(name => !referenced.ContainsKey(name)).Order(StringComparer.Ordinal).ToList(),
            referenced);
    }
}
