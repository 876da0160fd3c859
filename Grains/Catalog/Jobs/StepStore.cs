using System.Data.Common;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Steps in `openc3_job_plugin_cmd|scp|approval`. Rows are only ever inserted: a saved step keeps its
/// uuid and content for as long as a task may refer to it. Scripts and arguments are stored base64.
/// </summary>
public static class StepStore
{
    private static readonly Dictionary<string, string[]> ColumnsByType = new(StringComparer.Ordinal)
    {
        [StepValues.Cmd] = ["name", "user", "node_type", "node_cont", "scripts_type", "scripts_cont", "scripts_argv", "timeout", "pause", "deployenv", "action", "batches"],
        [StepValues.Scp] = ["name", "user", "src", "src_type", "sp", "dst", "dst_type", "dp", "chown", "chmod", "timeout", "scp_delete", "pause", "deployenv", "action", "batches"],
        [StepValues.Approval] = ["name", "cont", "approver", "deployenv", "action", "batches", "everyone", "timeout", "pause", "relaxed"],
    };

    public static bool IsPluginType(string pluginType) => ColumnsByType.ContainsKey(pluginType);

    /// <summary>Inserts the step under a new uuid and returns that uuid.</summary>
    public static async Task<string> InsertAsync(DbConnection connection, DbTransaction transaction, string jobUuid, JobStep step, string now)
    {
        var uuid = Uuid.New();
        var columns = ColumnsByType[step.PluginType];
        var all = columns.Concat(["jobuuid", "uuid", "create_time"]).ToList();
        var sql = $"INSERT INTO {Table(step.PluginType)} ({string.Join(", ", all.Select(c => $"`{c}`"))}) VALUES ({string.Join(", ", all.Select(c => "@" + c))})";
        var parameters = new DynamicParameters(Values(step));
        parameters.AddDynamicParams(new { jobuuid = jobUuid, uuid, create_time = now });
        await connection.ExecuteAsync(sql, parameters, transaction);
        return uuid;
    }

    /// <summary>The steps of <paramref name="uuids"/> (a job's step list) that belong to the job, in list order.</summary>
    public static async Task<IReadOnlyList<JobStep>> ReadAsync(DbConnection connection, DbTransaction? transaction, string jobUuid, string uuids)
    {
        var wanted = StepList.Parse(uuids).Where(s => IsPluginType(s.PluginType)).ToList();
        var found = new Dictionary<(string, string), JobStep>();
        foreach (var group in wanted.GroupBy(s => s.PluginType))
        {
            var rows = await connection.QueryAsync<StepRow>(
                $"SELECT {Select(group.Key)} FROM {Table(group.Key)} WHERE jobuuid = @jobUuid AND uuid IN @uuids",
                new { jobUuid, uuids = group.Select(s => s.Uuid).ToList() },
                transaction);
            foreach (var row in rows)
            {
                found[(group.Key, row.Uuid)] = row.ToStep(group.Key);
            }
        }

        return wanted.Where(found.ContainsKey).Select(s => found[s]).ToList();
    }

    /// <summary>One step by uuid, whichever save of its job wrote it; null when unknown.</summary>
    public static async Task<JobStep?> ReadOneAsync(DbConnection connection, string pluginType, string uuid)
    {
        if (!IsPluginType(pluginType))
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<StepRow>($"SELECT {Select(pluginType)} FROM {Table(pluginType)} WHERE uuid = @uuid", new { uuid });
        return row?.ToStep(pluginType);
    }

    private static string Table(string pluginType) => $"openc3_job_plugin_{pluginType}";

    private static string Select(string pluginType) =>
        string.Join(", ", ColumnsByType[pluginType].Prepend("uuid").Select(c => $"`{c}` AS {Pascal(c)}"));

    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static object Values(JobStep step) => step switch
    {
        CmdStep cmd => new
        {
            name = cmd.Name, user = cmd.User, node_type = cmd.NodeType, node_cont = cmd.NodeCont, scripts_type = cmd.ScriptsType,
            scripts_cont = cmd.ScriptsType == StepValues.Cite ? cmd.ScriptsCont : Base64Text.Encode(cmd.ScriptsCont),
            scripts_argv = Base64Text.Encode(cmd.ScriptsArgv), timeout = cmd.Timeout, pause = cmd.Pause,
            deployenv = cmd.Deployenv, action = cmd.Action, batches = cmd.Batches,
        },
        ScpStep scp => new
        {
            name = scp.Name, user = scp.User, src = scp.Src, src_type = scp.SrcType, sp = scp.Sp, dst = scp.Dst, dst_type = scp.DstType,
            dp = scp.Dp, chown = scp.Chown, chmod = scp.Chmod, timeout = scp.Timeout, scp_delete = scp.ScpDelete, pause = scp.Pause,
            deployenv = scp.Deployenv, action = scp.Action, batches = scp.Batches,
        },
        ApprovalStep approval => new
        {
            name = approval.Name, cont = approval.Cont, approver = approval.Approver, deployenv = approval.Deployenv, action = approval.Action,
            batches = approval.Batches, everyone = approval.Everyone, timeout = approval.Timeout, pause = approval.Pause, relaxed = approval.Relaxed,
        },
        _ => throw new ArgumentException($"unknown step type {step.GetType().Name}", nameof(step)),
    };

    /// <summary>Any plugin table's row; Dapper fills the columns the query selected.</summary>
    private sealed class StepRow
    {
        public string Uuid { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string User { get; set; } = string.Empty;

        public string NodeType { get; set; } = string.Empty;

        public string NodeCont { get; set; } = string.Empty;

        public string ScriptsType { get; set; } = string.Empty;

        public string ScriptsCont { get; set; } = string.Empty;

        public string ScriptsArgv { get; set; } = string.Empty;

        public string Src { get; set; } = string.Empty;

        public string SrcType { get; set; } = string.Empty;

        public string Sp { get; set; } = string.Empty;

        public string Dst { get; set; } = string.Empty;

        public string DstType { get; set; } = string.Empty;

        public string Dp { get; set; } = string.Empty;

        public string Chown { get; set; } = string.Empty;

        public string Chmod { get; set; } = string.Empty;

        public string ScpDelete { get; set; } = string.Empty;

        public string Cont { get; set; } = string.Empty;

        public string Approver { get; set; } = string.Empty;

        public string Everyone { get; set; } = string.Empty;

        public string Relaxed { get; set; } = string.Empty;

        public string Timeout { get; set; } = string.Empty;

        public string Pause { get; set; } = string.Empty;

        public string Deployenv { get; set; } = string.Empty;

        public string Action { get; set; } = string.Empty;

        public string Batches { get; set; } = string.Empty;

        public JobStep ToStep(string pluginType) => pluginType switch
        {
            StepValues.Cmd => new CmdStep
            {
                Uuid = Uuid, Name = Name, Timeout = Timeout, Pause = Pause, Deployenv = Deployenv, Action = Action, Batches = Batches,
                User = User, NodeType = NodeType, NodeCont = NodeCont, ScriptsType = ScriptsType,
                ScriptsCont = ScriptsType == StepValues.Cite ? ScriptsCont : Base64Text.Decode(ScriptsCont),
                ScriptsArgv = Base64Text.Decode(ScriptsArgv),
            },
            StepValues.Scp => new ScpStep
            {
                Uuid = Uuid, Name = Name, Timeout = Timeout, Pause = Pause, Deployenv = Deployenv, Action = Action, Batches = Batches,
                User = User, Src = Src, SrcType = SrcType, Sp = Sp, Dst = Dst, DstType = DstType, Dp = Dp, Chown = Chown, Chmod = Chmod, ScpDelete = ScpDelete,
            },
            _ => new ApprovalStep
            {
                Uuid = Uuid, Name = Name, Timeout = Timeout, Pause = Pause, Deployenv = Deployenv, Action = Action, Batches = Batches,
                Cont = Cont, Approver = Approver, Everyone = Everyone, Relaxed = Relaxed,
            },
        };
    }
}
