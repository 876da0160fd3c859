using System.Text;
using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>`/task/:treeid`: start ad-hoc commands, list tasks and read one.</summary>
public static class TaskApi
{
    public static RouteGroupBuilder MapTaskApi(this RouteGroupBuilder job)
    {
        job.MapGet("/task/{treeid}", ListTasks).RequirePoint(Points.JobRead);
        job.MapGet("/task/{treeid}/count", CountThisMonth).RequirePoint(Points.JobRead);
        job.MapGet("/task/{treeid}/total_count", CountInRange).RequirePoint(Points.JobRead);
        job.MapGet("/task/{treeid}/analysis/{kind}", Analyse).RequirePoint(Points.JobRead);
        job.MapGet("/task/{treeid}/authorization/{group}/{jobname}", Delegation).RequirePoint(Points.JobRead);
        job.MapGet("/task/{treeid}/{uuid}", GetTask).RequirePoint(Points.JobRead);
        // The base point is read; the handler then asks write, or control for a delegated job (`_authorization_`).
        job.MapPost("/task/{treeid}/job", StartJob).RequirePoint(Points.JobRead);
        job.MapPost("/task/{treeid}/job/byname", StartJobByName).RequirePoint(Points.JobRead);
        job.MapPost("/task/{treeid}/redo", Redo).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> ListTasks(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var query = context.Request.Query;
        foreach (var field in new[] { "time_start", "time_end" })
        {
            if (query[field].ToString() is { Length: > 0 } date && !TimeFormat.IsDate(date))
            {
                return Reply.Fail($"check format fail {field} format error {Check.PerlRegex(@"^\d{4}-\d{2}-\d{2}$")}");
            }
        }

        var filter = new TaskFilter(treeId, Text(query["name"]), Text(query["user"]), Text(query["status"]), Text(query["taskuuid"]), Text(query["time_start"]), Text(query["time_end"]));
        if (Text(query["page"]) is not { } pageNumber)
        {
            var rows = await grains.GetGrain<ITaskQueryGrain>(0).List(filter);
            return Reply.Ok(rows.Select(ListShape));
        }

        var paging = HistoryPage.Read(pageNumber, Text(query["pagesize"]));
        if (paging.Failure is { } invalid)
        {
            return Reply.Fail(invalid);
        }

        var page = await grains.GetGrain<ITaskQueryGrain>(0).Page(filter, paging.Page, paging.Size);
        return Results.Json(new { stat = true, data = page.Rows.Select(ListShape), total = page.Total }, Reply.Json);
    }

    private static async Task<IResult> GetTask(string uuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var wait = TaskWait.Read(Text(context.Request.Query["wait"]));
        if (wait.Failure is { } invalid)
        {
            return Reply.Fail(invalid);
        }

        var row = await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, uuid);
        if (row is null)
        {
            return Reply.Ok(new { status = "norun" });
        }

        if (wait.Time > TimeSpan.Zero && row.Status is "init" or "running" && await grains.GetGrain<ITaskGrain>(uuid).WaitSettled(wait.Time))
        {
            row = await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, uuid) ?? row;
        }

        return Reply.Ok(new
        {
            id = row.Id, uuid = row.Uuid, name = row.Name, user = row.User, slave = row.Slave, status = row.Status,
            starttime = row.StartTime, finishtime = row.FinishTime, calltype = row.CallType, jobtype = row.JobType, jobuuid = row.JobUuid,
            runtime = row.Runtime, mutex = row.Mutex, pid = (int?)null, starttimems = row.StartTimeMs, finishtimems = row.FinishTimeMs,
            reason = row.Reason, variable = VariableYaml(row.Variable), extid = row.ExtId,
        });
    }

    private static async Task<IResult> CountThisMonth(HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var treeId = context.TreeId();
        var today = clock.GetLocalNow();
        var from = $"{today:yyyy-MM}-01 00:00:00";
        var rows = await grains.GetGrain<ITaskQueryGrain>(0).Started(treeId, from, "9999-12-31 23:59:59");
        return Reply.Ok(TaskAnalysis.CountByStatus(rows));
    }

    private static async Task<IResult> CountInRange(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("time_start", @"^\d{4}-\d{2}-\d{2}$").Required("time_end", @"^\d{4}-\d{2}-\d{2}$").Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var rows = await grains.GetGrain<ITaskQueryGrain>(0).Started(treeId, TimeFormat.DayStart(input.Text("time_start")!), TimeFormat.DayEnd(input.Text("time_end")!));
        return Reply.Ok(TaskAnalysis.CountByStatus(rows));
    }

    /// <summary>`/analysis/last|date|hour|runtime|statistics` over the last 30 days.</summary>
    private static async Task<IResult> Analyse(string kind, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var treeId = context.TreeId();
        var query = context.Request.Query;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = TimeFormat.DayStart(today.AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var allProjects = kind == "statistics" || (kind == "date" && query["all"].ToString() is { Length: > 0 } all && all != "0");
        var rows = await grains.GetGrain<ITaskQueryGrain>(0).Started(allProjects ? null : treeId, from, "9999-12-31 23:59:59");
        return kind switch
        {
            "last" => Reply.Ok(TaskAnalysis.Last(rows, int.TryParse(query["count"], out var count) && count > 0 ? Math.Min(count, 1000) : 10)),
            "date" => Reply.Ok(TaskAnalysis.ByDate(rows, today)),
            "hour" => Reply.Ok(TaskAnalysis.ByHour(rows)),
            "runtime" => Reply.Ok(TaskAnalysis.ByRuntime(rows)),
            "statistics" => Reply.Ok(TaskAnalysis.ByProject(rows)),
            _ => Reply.Status(StatusCodes.Status404NotFound, $"no such analysis: {kind}"),
        };
    }

    private static async Task<IResult> StartJob(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("jobuuid", "^[a-zA-Z0-9]+$").Optional("mutex", PluginTasks.MutexPattern).OptionalMap("variable").Failure;
        return failure is not null ? Reply.Fail(failure) : await StartJobAsync(context, grains, input, input.Text("jobuuid")!, byName: false);
    }

    /// <summary>`uuid` is an idempotency key within the tree node: the same uuid again never starts a second run, and a uuid held by another node's task is refused.</summary>
    private static async Task<IResult> StartJobByName(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).NoQuote("jobname", required: true).Optional("uuid", "^[a-zA-Z0-9]{12}$").Optional("mutex", PluginTasks.MutexPattern).OptionalMap("variable").Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        return await StartJobAsync(context, grains, input, input.Text("jobname")!, byName: true);
    }

    /// <summary>`1` when the node's job of that name is delegated (`_authorization_` is `true` or names the group), else `0`.</summary>
    private static async Task<IResult> Delegation(string group, string jobname, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var jobUuid = await grains.GetGrain<IJobsGrain>(0).UuidOf(treeId, jobname);
        if (jobUuid is null)
        {
            return Reply.Ok(0);
        }

        var delegated = (await grains.GetGrain<IJobVariablesGrain>(0).List(treeId, jobUuid, new VariableQuery(false, [], null)))
            .Any(v => v.Name == JobDelegation.VariableName && (v.Value == "true" || v.Value == group));
        return Reply.Ok(delegated ? 1 : 0);
    }

    private static async Task<IResult> StartJobAsync(HttpContext context, IGrainFactory grains, RequestParams input, string job, bool byName)
    {
        var treeId = context.TreeId();
        var caller = Caller.Required(context);
        var request = new JobStartRequest(
            treeId, job, byName, caller.User, caller.IsApp ? "api" : "page", Variables(input), input.Text("mutex") ?? string.Empty,
            byName ? input.Text("uuid") : null, CheckPoints: !caller.IsApp, Audited: true);
        var started = await grains.GetGrain<IJobStartGrain>(0).Start(request);
        return started.Outcome switch
        {
            JobStartOutcome.Started => Results.Json(new { stat = true, uuid = started.TaskUuid, data = 1 }, Reply.Json),
            JobStartOutcome.AlreadyExists => Resubmitted(started.Existing, treeId, started.TaskUuid),
            JobStartOutcome.NoSuchJob => Reply.Fail(byName ? $"nofind job {job}" : "projectid, jobuuid nomatch"),
            JobStartOutcome.Unauthorized => Reply.Unauthorized(),
            _ => Reply.Fail(started.Reason!),
        };
    }

    /// <summary>
    /// A start for a uuid that is already a task. Task uuids are global (kill, log and websocket routes take the
    /// uuid alone): another node's uuid is not a key to share.
    /// </summary>
    private static IResult Resubmitted(TaskHolder? existing, long treeId, string taskUuid) =>
        existing?.TreeId == treeId
            ? Reply.Info("This task has been successfully created")
            : Reply.Fail($"uuid {taskUuid} is taken by a task of another tree node");

    private static async Task<IResult> Redo(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("taskuuid", "^[a-zA-Z0-9]{12}$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var old = await grains.GetGrain<ITaskGrain>(input.Text("taskuuid")!).Definition();
        if (old is null || old.ProjectId != treeId)
        {
            return Reply.Fail("nofind task");
        }

        var caller = Caller.Required(context);
        var taskUuid = Uuid.New();
        await AuditTrail.RecordAsync(grains, caller, "REDO TASK", $"TREEID:{treeId} FROM:{input.Text("taskuuid")} TASK:{taskUuid}");
        var task = grains.GetGrain<ITaskGrain>(taskUuid);
        using (NewGrainHint.For(task.GetGrainId()))
        {
            await task.Start(old with { User = caller.User, CallType = caller.IsApp ? "api" : "page" });
        }

        return Results.Json(new { stat = true, uuid = taskUuid, data = 1 }, Reply.Json);
    }

    /// <summary>A start request's `variable` object as text values.</summary>
    internal static Dictionary<string, string> Variables(RequestParams input)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Values.TryGetValue("variable", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                variables[property.Name] = RequestParams.AsText(property.Value) ?? string.Empty;
            }
        }

        return variables;
    }

    private static object ListShape(TaskRow row) => new
    {
        id = row.Id, uuid = row.Uuid, name = row.Name, user = row.User, slave = row.Slave, status = row.Status,
        starttime = row.StartTime, finishtime = row.FinishTime, calltype = row.CallType, jobtype = row.JobType,
        jobuuid = row.JobUuid, runtime = row.Runtime, reason = row.Reason, variable = VariableYaml(row.Variable), extid = row.ExtId,
    };

    /// <summary>Tasks store their variables as base64 YAML; the API shows the YAML text, or `Error` when undecodable.</summary>
    private static string? VariableYaml(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(stored));
        }
        catch (FormatException)
        {
            return "Error";
        }
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;
}
