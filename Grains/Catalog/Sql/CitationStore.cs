using System.Data.Common;
using System.Globalization;
using Dapper;

namespace OpenC3.Grains.Catalog;

/// <summary>Reads which permanent jobs of a tree node cite scripts or node groups, for the lists' `jobname` column.</summary>
public static class CitationStore
{
    private const string JobsOfNode = "SELECT uuid FROM openc3_job_jobs WHERE projectid = @treeId AND status = 'permanent'";

    public const string ScriptCitations =
        $"SELECT 'cmd' AS PluginType, uuid AS StepUuid, scripts_cont AS Cited FROM openc3_job_plugin_cmd WHERE scripts_type = 'cite' AND jobuuid IN ({JobsOfNode})";

    public const string NodeGroupCitations =
        $"""
        SELECT 'cmd' AS PluginType, uuid AS StepUuid, node_cont AS Cited FROM openc3_job_plugin_cmd WHERE node_type = 'group' AND jobuuid IN ({JobsOfNode})
        UNION ALL SELECT 'scp', uuid, src FROM openc3_job_plugin_scp WHERE src_type = 'group' AND jobuuid IN ({JobsOfNode})
        UNION ALL SELECT 'scp', uuid, dst FROM openc3_job_plugin_scp WHERE dst_type = 'group' AND jobuuid IN ({JobsOfNode})
        """;

    /// <summary>Cited id → sorted CSV of the permanent jobs of <paramref name="treeId"/> citing it; <paramref name="citationsSql"/> is one of the citation queries.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> JobNamesAsync(DbConnection connection, long treeId, string citationsSql)
    {
        var jobs = await connection.QueryAsync<(string Name, string Uuids)>("SELECT name, uuids FROM openc3_job_jobs WHERE projectid = @treeId AND status = 'permanent'", new { treeId });
        var citations = await connection.QueryAsync<CitationRow>(citationsSql, new { treeId });
        return CitingJobs.Names(
            jobs,
            citations
                .Where(c => long.TryParse(c.Cited, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .Select(c => (c.PluginType, c.StepUuid, long.Parse(c.Cited, NumberStyles.None, CultureInfo.InvariantCulture))));
    }

    private sealed class CitationRow
    {
        public string PluginType { get; set; } = string.Empty;

        public string StepUuid { get; set; } = string.Empty;

        public string Cited { get; set; } = string.Empty;
    }
}
