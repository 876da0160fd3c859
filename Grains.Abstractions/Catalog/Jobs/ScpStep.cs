namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Copies a path from hosts, the file server or a CI artefact to a path on other hosts.</summary>
[GenerateSerializer, Immutable, Alias("openc3.ScpStep")]
public sealed record ScpStep : JobStep
{
    public override string PluginType => StepValues.Scp;

    [Id(0)]
    public string User { get; init; } = string.Empty;

    /// <summary>`builtin|group|fileserver|variable|ci`.</summary>
    [Id(1)]
    public string SrcType { get; init; } = string.Empty;

    [Id(2)]
    public string Src { get; init; } = string.Empty;

    [Id(3)]
    public string Sp { get; init; } = string.Empty;

    /// <summary>`builtin|group|variable`.</summary>
    [Id(4)]
    public string DstType { get; init; } = string.Empty;

    [Id(5)]
    public string Dst { get; init; } = string.Empty;

    [Id(6)]
    public string Dp { get; init; } = string.Empty;

    [Id(7)]
    public string Chown { get; init; } = string.Empty;

    [Id(8)]
    public string Chmod { get; init; } = string.Empty;

    /// <summary>`1` mirrors: files missing at the source are deleted at the destination.</summary>
    [Id(9)]
    public string ScpDelete { get; init; } = "0";

    public override IEnumerable<string> VariableSources() => [Src, Sp, Dst, Dp];
}
