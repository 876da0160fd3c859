namespace OpenC3.Grains.Catalog;

/// <summary>
/// The `jobname` column of the script and node group lists: the sorted CSV of permanent jobs whose
/// current steps cite a row. Steps an edit replaced still exist, so only steps listed in a job's
/// `uuids` count.
/// </summary>
public static class CitingJobs
{
    /// <summary>Cited id → CSV of job names, from the node's permanent jobs (name, step list) and the citing steps (type, uuid, cited id).</summary>
    public static IReadOnlyDictionary<long, string> Names(
        IEnumerable<(string Name, string Uuids)> jobs, IEnumerable<(string PluginType, string StepUuid, long CitedId)> citations)
    {
        var jobOfStep = new Dictionary<(string, string), string>();
        foreach (var (name, uuids) in jobs)
        {
            foreach (var step in StepList.Parse(uuids))
            {
                jobOfStep[step] = name;
            }
        }

        return citations
            .Where(c => jobOfStep.ContainsKey((c.PluginType, c.StepUuid)))
            .GroupBy(c => c.CitedId)
            .ToDictionary(
                g => g.Key,
                g => string.Join(',', g.Select(c => jobOfStep[(c.PluginType, c.StepUuid)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
    }
}
