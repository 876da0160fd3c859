using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Crontabs;

namespace OpenC3.Api.Job;

/// <summary>
/// `/crontab/:treeid`: schedules that start a job of the node at the minutes of a 5-field cron expression,
/// optionally in an IANA time zone (`timezone`, our addition; default the server's). New ones are
/// `unavailable` until switched on, as upstream.
/// </summary>
public static class CrontabApi
{
    private const string IdField = "crontabid";

    public static RouteGroupBuilder MapCrontabApi(this RouteGroupBuilder job)
    {
        job.MapGet("/crontab/{treeid}", List).RequirePoint(Points.JobRead);
        job.MapGet("/crontab/{treeid}/count", Count).RequireProjectPoint(Points.JobRead);
        job.MapGet("/crontab/{treeid}/{id}", Detail).RequireProjectPoint(Points.JobRead);
        job.MapPost("/crontab/{treeid}", Create).RequireProjectPoint(Points.JobWrite);
        job.MapPost("/crontab/{treeid}/{id}", Edit).RequireProjectPoint(Points.JobWrite);
        job.MapPost("/crontab/{treeid}/{id}/status", Switch).RequireProjectPoint(Points.JobWrite);
        job.MapDelete("/crontab/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobDelete);
        return job;
    }

    private static ICrontabsGrain Crontabs(IGrainFactory grains) => grains.GetGrain<ICrontabsGrain>(0);

    private static Task<IResult> List(HttpContext context, IGrainFactory grains) =>
        CatalogFilters.ListAsync(context, withPlugin: false, withJobName: false, Crontabs(grains).List, Wire);

    private static async Task<IResult> Count(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var counts = await Crontabs(grains).Count(treeId);
        return Reply.Ok(new { available = counts.Available, unavailable = counts.Unavailable });
    }

    /// <summary>Upstream's detail carries a stray empty `cont`; kept for clients that read it.</summary>
    private static async Task<IResult> Detail(string id, HttpContext context, IGrainFactory grains)
    {
        var (failure, _, crontab) = await FindAsync(id, context, grains);
        if (failure is not null)
        {
            return failure;
        }

        var row = Wire(crontab!);
        row["cont"] = string.Empty;
        return Reply.Ok(row);
    }

    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var (draft, failure) = await DraftAsync(treeId, await RequestParams.ReadAsync(context.Request), grains);
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "CREATE CRONTAB", $"TREEID:{treeId} NAME:{draft!.Name}");
        var created = await Crontabs(grains).Create(draft, caller.User);
        return Results.Json(new { stat = true, data = true, id = created.Id }, Reply.Json);
    }

    private static async Task<IResult> Edit(string id, HttpContext context, IGrainFactory grains)
    {
        var (refused, treeId, crontab) = await FindAsync(id, context, grains);
        if (refused is not null)
        {
            return refused;
        }

        var (draft, failure) = await DraftAsync(treeId, await RequestParams.ReadAsync(context.Request), grains);
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "EDIT CRONTAB", $"TREEID:{treeId} NAME:{draft!.Name}");
        return Answer(await Crontabs(grains).Update(treeId, crontab!.Id, draft, caller.User));
    }

    /// <summary>`{status: available|unavailable}`: switching on starts the schedule from now (nothing is owed from before).</summary>
    private static async Task<IResult> Switch(string id, HttpContext context, IGrainFactory grains)
    {
        var (refused, treeId, crontab) = await FindAsync(id, context, grains);
        var input = await RequestParams.ReadAsync(context.Request);
        if ((refused ?? (new Check(input).RequiredIn("status", CrontabStatus.Available, CrontabStatus.Unavailable).Failure is { } failure ? Reply.Fail(failure) : null)) is { } denied)
        {
            return denied;
        }

        var caller = Caller.Required(context);
        var status = input.Text("status")!;
        await AuditTrail.RecordAsync(grains, caller, "SWITCH CRONTAB", $"TREEID:{treeId} NAME:{crontab!.Name} STATUS:{status}");
        return Answer(await Crontabs(grains).SetStatus(treeId, crontab.Id, status, caller.User));
    }

    private static async Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        var (refused, treeId, crontab) = await FindAsync(id, context, grains);
        if (refused is not null)
        {
            return refused;
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DELETE CRONTAB", $"TREEID:{treeId} NAME:{crontab!.Name}");
        return Answer(await Crontabs(grains).Delete(treeId, crontab.Id, caller.User));
    }

    /// <summary>
    /// Upstream's checks in its order (name, jobuuid, cron shape, mutex), then the time zone, each field of
    /// the expression, and the job, which must be a job of this node.
    /// </summary>
    private static async Task<(CrontabDraft? Draft, string? Failure)> DraftAsync(long treeId, RequestParams input, IGrainFactory grains)
    {
        var failure = new Check(input)
            .NoQuote("name", required: true).MaxLength("name", CatalogResource<ScriptDraft, Script>.MaxNameLength)
            .Required("jobuuid", "^[a-zA-Z0-9]+$").MaxLength("jobuuid", 20)
            .Required("cron", CrontabSchedule.Shape).MaxLength("cron", 100)
            .Required("mutex", "^[a-zA-Z0-9]*$").MaxLength("mutex", 100)
            .Failure;
        var timeZone = input.Text("timezone") ?? string.Empty;
        failure ??= CrontabSchedule.FindZone(timeZone) is null ? "check format fail timezone format error" : null;
        failure ??= CrontabSchedule.FormatError(input.Text("cron")!);
        if (failure is not null)
        {
            return (null, failure);
        }

        var jobUuid = input.Text("jobuuid")!;
        if (await grains.GetGrain<IJobsGrain>(0).Get(treeId, jobUuid) is null)
        {
            return (null, $"jobuuid {jobUuid} not in the project {treeId}");
        }

        return (new CrontabDraft(input.Text("name")!, jobUuid, input.Text("cron")!, input.Text("mutex")!, timeZone), null);
    }

    /// <summary>The id's format, then the crontab among the route node's (upstream's message when it is not).</summary>
    private static async Task<(IResult? Failure, long TreeId, Crontab? Crontab)> FindAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(id) is not { } crontabId)
        {
            return (Reply.Fail(TreeIds.FormatError(IdField)), treeId, null);
        }

        var crontab = await Crontabs(grains).Get(treeId, crontabId);
        return (crontab is null ? Reply.Fail($"crontabid {crontabId} not belong project {treeId}") : null, treeId, crontab);
    }

    private static IResult Answer(CrontabChange change) => change.Error is null ? Reply.Ok(true) : Reply.Fail(change.Error);

    private static Dictionary<string, object> Wire(Crontab c) => new()
    {
        ["id"] = c.Id, ["name"] = c.Name, ["jobuuid"] = c.JobUuid, ["cron"] = c.Cron, ["mutex"] = c.Mutex, ["timezone"] = c.TimeZone, ["status"] = c.Status,
        ["create_user"] = c.Authorship.CreateUser, ["create_time"] = c.Authorship.CreateTime, ["edit_user"] = c.Authorship.EditUser, ["edit_time"] = c.Authorship.EditTime,
    };
}
