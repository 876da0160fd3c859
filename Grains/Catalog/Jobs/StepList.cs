using System.Text.RegularExpressions;

namespace OpenC3.Grains.Catalog;

/// <summary>`openc3_job_jobs.uuids`: the ordered steps of a job as a CSV of `&lt;type&gt;_&lt;step uuid&gt;`.</summary>
public static partial class StepList
{
    public static string Format(IEnumerable<(string PluginType, string Uuid)> steps) =>
        string.Join(',', steps.Select(s => $"{s.PluginType}_{s.Uuid}"));

    /// <summary>The well-formed entries in order; anything else is skipped, as upstream does.</summary>
    public static IReadOnlyList<(string PluginType, string Uuid)> Parse(string? uuids) =>
        (uuids ?? string.Empty).Split(',')
            .Select(entry => Entry().Match(entry))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .ToList();

    /// <summary>Upstream counts the CSV fields, well-formed or not.</summary>
    public static int Count(string? uuids) => string.IsNullOrEmpty(uuids) ? 0 : uuids.Split(',').Length;

    [GeneratedRegex("^([a-z]+)_([a-zA-Z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
