namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Runs a script on hosts: inline (shell, perl, python, php, buildin, auto) or a cited script id.</summary>
[GenerateSerializer, Immutable, Alias("openc3.CmdStep")]
public sealed record CmdStep : JobStep
{
    public override string PluginType => StepValues.Cmd;

    /// <summary>The remote account.</summary>
    [Id(0)]
    public string User { get; init; } = string.Empty;

    /// <summary>`builtin` (host CSV), `group` (node group id) or `variable` (`$ip`…).</summary>
    [Id(1)]
    public string NodeType { get; init; } = string.Empty;

    [Id(2)]
    public string NodeCont { get; init; } = string.Empty;

    /// <summary>`cite` or the interpreter of an inline script.</summary>
    [Id(3)]
    public string ScriptsType { get; init; } = string.Empty;

    /// <summary>The script text, or the cited script id when <see cref="ScriptsType"/> is `cite`.</summary>
    [Id(4)]
    public string ScriptsCont { get; init; } = string.Empty;

    [Id(5)]
    public string ScriptsArgv { get; init; } = string.Empty;

    public override IEnumerable<string> VariableSources() => [NodeCont, ScriptsArgv];
}
