using Microsoft.OpenApi;
using OpenC3.Grains.Abstractions.Catalog;
using static OpenC3.Api.Docs.DocumentedField;

namespace OpenC3.Api.Docs;

/// <summary>
/// The request fields of the routes that take enumerations or filters, keyed by method and route template.
/// The values come from the same arrays the validators use where those are shared.
/// </summary>
public static class DocumentedFields
{
    private const string Date = @"^\d{4}-\d{2}-\d{2}$";
    private const string Uuid = "^[a-zA-Z0-9]{12}$";
    private const string RemoteAccount = "^[A-Za-z0-9_-]+$";
    private static readonly string[] TaskStatuses = ["init", "running", "waiting", "success", "fail", "refuse"];
    private static readonly string[] Decisions = ["next", "fail", "running", "ignore"];

    private static readonly Dictionary<string, DocumentedField[]> Fields = new(StringComparer.Ordinal)
    {
        ["GET /api/job/task/{treeid}"] =
        [
            Query("name"), Query("user"), Query("status", TaskStatuses), Query("taskuuid", pattern: Uuid),
            Query("time_start", pattern: Date), Query("time_end", pattern: Date),
            Query("page", pattern: @"^\d+$", description: "ours: a page (from 1) of the history, unfinished tasks first, then the newest; the reply adds `total`. Absent: every row, as upstream"),
            Query("pagesize", pattern: @"^\d+$", description: "rows per page with `page`: 1 to 200, default 50"),
        ],
        ["GET /api/job/task/{treeid}/{uuid}"] =
        [
            Query("wait", pattern: @"^\d+$", description: "ours: up to this many seconds (0 to 10) for a running task to end or wait for a decision before the reply, instead of polling. Absent: upstream's reply at once"),
        ],
        ["GET /api/job/task/{treeid}/total_count"] = [Query("time_start", pattern: Date), Query("time_end", pattern: Date)],
        ["GET /api/job/task/{treeid}/analysis/{kind}"] =
        [
            Path("kind", JsonSchemaType.String, values: ["last", "date", "hour", "runtime", "statistics"]),
            Query("count", pattern: @"^\d+$", description: "last: how many tasks (default 10)"),
            Query("all", description: "date: every tree node when set"),
        ],
        ["POST /api/job/task/{treeid}/job"] = [Body("jobuuid", true, pattern: "^[a-zA-Z0-9]+$"), Body("variable", false, type: JsonSchemaType.Object)],
        ["POST /api/job/task/{treeid}/job/byname"] =
        [
            Body("jobname", true), Body("uuid", false, pattern: Uuid), Body("variable", false, type: JsonSchemaType.Object),
        ],
        ["POST /api/job/task/{treeid}/redo"] = [Body("taskuuid", true, pattern: Uuid)],
        ["POST /api/job/task/{treeid}/plugin_cmd"] =
        [
            Body("name", true), Body("user", true, pattern: "^[A-Za-z0-9_]+$"), Body("node_type", true, ["builtin", "buildin", "group"]),
            Body("node_cont", true, description: "hosts, comma separated (`^[a-zA-Z0-9.,-]+$`); a node group id for `group`"),
            Body("scripts_type", true, StepValues.ScriptTypes), Body("scripts_cont", true, description: "the script; a script id for `cite`"),
            Body("scripts_argv", false), Body("timeout", false, pattern: @"^\d+$"), Body("deployenv", false, StepValues.Deployenvs),
            Body("action", false, StepValues.Actions), Body("batches", false, StepValues.Batches),
            Body("decide_on_fail", false, ["0", "1"], description: "ours: 1 puts failed hosts in `decision` (retry, ignore, fail) instead of failing the task at once"),
        ],
        ["GET /api/job/sendfile/list/{treeid}"] = RemoteDirectory(),
        ["GET /api/job/sendile/list/{treeid}"] = RemoteDirectory(),
        ["POST /api/job/sendfile/unlink/{treeid}"] =
        [
            Body("path", true, description: "`<host>/<file>`, the host placed on the node; any name but NUL"),
            Body("paht", false, description: "the spec's spelling of `path`"), Body("sudo", true, pattern: RemoteAccount),
        ],
        ["GET /api/job/task/{treeid}/job/bymon"] = [Query("jobname"), Query("endpoint"), Query("tpl_id"), Query("exp_id")],
        ["POST /api/job/subtask/{treeid}"] = Control(Decisions),
        ["PUT /api/job/subtask/{treeid}"] = Control(["next", "running"]),
        ["GET /api/job/subtask/{treeid}/{taskuuid}/{subtaskuuid}/groups"] =
        [
            Query("q", description: "keep only hosts whose name or output contains this text (any case, not a regex), at most 200 characters"),
        ],
        ["GET /api/job/subtask/{treeid}/{taskuuid}/{subtaskuuid}/output/{host}"] = [Path("host", JsonSchemaType.String, description: "a host of the step")],
        ["POST /api/job/project/{treeid}"] = [Body("status", true, ["active", "inactive"])],
        ["GET /api/job/variable/{treeid}/{jobuuid}"] =
        [
            Query("env", ["test", "online"]), Query("empty", pattern: @"^\d+$", description: "only variables without a value when set"),
            Query("exclude", pattern: "^[a-zA-Z0-9,_]+$", description: "names to leave out, comma separated"),
        ],
        ["POST /api/job/scripts/{treeid}"] = [Body("name", true), Body("type", true, ["shell", "perl", "python", "php", "buildin", "auto"]), Body("cont", false)],
        ["POST /api/job/jobs/{treeid}"] = JobBody(),
        ["POST /api/job/jobs/{treeid}/{jobuuid}"] = JobBody(),
        ["POST /api/job/fileserver/{treeid}/upload"] = [Query("checkmd5", pattern: "^[a-fA-F0-9]{32}$", description: "md5 every uploaded file must have; header `token` authorizes")],
        ["GET /api/job/slave/{slave}/ws"] = [Query("uuid", description: "log uuid: task uuid, or task uuid + step uuid + step type")],
        ["GET /api/agent/region/{treeid}"] = [Query("relation", description: "node 0's regions too when set")],
        ["POST /api/agent/region/{treeid}"] = [Body("name", true)],
        ["POST /api/agent/project_region_relation/{treeid}"] = [Body("regionid", true, pattern: @"^\d+$")],
        ["POST /api/agent/proxy/{treeid}/{regionid}"] = [Body("ip", true, pattern: @"^[a-zA-Z0-9 \-\._,]+$")],
        ["POST /api/agent/agent/{treeid}/{regionid}/subnet"] = [Body("subnet", false), Body("subname", false)],
        ["POST /api/agent/check/{treeid}"] = [Body("status", true, ["on", "off"])],
        ["GET /api/agent/nodeinfo/{treeid}/check"] = [Query("node", pattern: @"^[a-zA-Z0-9_\-\.,]+$", description: "hosts to check, comma separated")],
    };

    public static IReadOnlyList<DocumentedField> For(string method, string path) =>
        Fields.GetValueOrDefault($"{method} {path}") ?? [];

    /// <summary>Path parameters by name: tree ids are digits (node 0 is the global node), uuids are upstream's 12 characters.</summary>
    public static DocumentedField PathDefault(string name) => name switch
    {
        "treeid" => Path(name, JsonSchemaType.String, @"^\d+$", description: "service tree node id (0: the global node)"),
        "id" or "parentId" or "regionid" or "proxyid" or "agentid" => Path(name, JsonSchemaType.String, @"^\d+$"),
        "uuid" or "taskuuid" or "subtaskuuid" or "jobuuid" => Path(name, JsonSchemaType.String, "^[a-zA-Z0-9]+$"),
        _ => Path(name, JsonSchemaType.String),
    };

    private static DocumentedField[] RemoteDirectory() =>
    [
        Query("path", description: "`<host>/<directory>`, the host placed on the node; any name but NUL"), Query("sudo", pattern: RemoteAccount),
    ];

    private static DocumentedField[] Control(string[] controls) =>
    [
        Body("taskuuid", true, pattern: "^[a-zA-Z0-9]+$"), Body("subtaskuuid", true, pattern: "^[a-zA-Z0-9]+$"),
        Body("subtasktype", true, StepValues.PluginTypes), Body("control", true, controls),
        Body("hosts", false, type: JsonSchemaType.Array, description: "ours, with `running`: retry only these of the step's failed or incomplete hosts (a list of names); absent: all of them, as upstream"),
    ];

    /// <summary>A job and its steps (`data`: cmd, scp and approval steps, in order).</summary>
    private static DocumentedField[] JobBody() =>
    [
        Body("name", true), Body("permanent", false), Body("mon_ids", false), Body("mon_status", false),
        Body("data", true, type: JsonSchemaType.Array) with { Items = StepFields() },
    ];

    private static DocumentedField[] StepFields() =>
    [
        Body("name", true), Body("plugin_type", true, StepValues.PluginTypes), Body("node_type", false, StepValues.NodeTypes),
        Body("scripts_type", false, StepValues.ScriptTypes), Body("src_type", false, StepValues.SrcTypes),
        Body("dst_type", false, StepValues.DstTypes), Body("deployenv", false, StepValues.Deployenvs),
        Body("action", false, StepValues.Actions), Body("batches", false, StepValues.Batches),
        Body("everyone", false, StepValues.Everyone), Body("relaxed", false, StepValues.Relaxed),
    ];
}
