namespace OpenC3.Grains.Catalog;

/// <summary>Variables the engine reads as switches rather than as `$name` substitutions.</summary>
public static class SpecialVariables
{
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "_exit_", "_appname_", "_skipSameVersion_", "_rollbackVersion_", "_authorization_", "_nodebatch_", "_pip_",
    };

    /// <summary>Labels shown for well-known variables whose describe is empty (upstream's wording).</summary>
    private static readonly Dictionary<string, string> DefaultDescribes = new(StringComparer.Ordinal)
    {
        ["tester"] = "1.测试审批人",
        ["approver"] = "2.OA审批人 或 领导审批人",
        ["checker"] = "3.发布前确认人",
        ["tagger"] = "4.触发人,发布前确认人",
        ["_pip_"] = "5.指定IP发布",
    };

    /// <summary>Switches and `wk_*` exports may be created by a bulk update; other names must already exist.</summary>
    public static bool MayBeCreatedByUpdate(string name) =>
        Switches.Contains(name) || name.StartsWith("wk_", StringComparison.Ordinal);

    public static string Describe(string name, string describe) =>
        describe.Length == 0 && DefaultDescribes.TryGetValue(name, out var label) ? label : describe;
}
