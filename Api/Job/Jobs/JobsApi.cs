using System.Globalization;
using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/jobs/:treeid`: jobs with their steps. Saving extracts the job's variables from the steps.</summary>
public static class JobsApi
{
    private const string UuidPattern = "^[a-zA-Z0-9]+$";
    private const string MonIdsPattern = @"^[a-zA-Z0-9_\,\.\/]*$";
    private const int MaxNameLength = 100;

    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder job)
    {
        job.MapGet("/jobs/{treeid}", List).RequirePoint(Points.JobRead);
        job.MapGet("/jobs/{treeid}/count", Count).RequirePoint(Points.JobRead);
        job.MapGet("/jobs/{treeid}/{jobuuid}", Detail).RequirePoint(Points.JobRead);
        job.MapPost("/jobs/{treeid}", Create).RequirePoint(Points.JobWrite);
        job.MapPost("/jobs/{treeid}/copy/byname", CopyByName).RequirePoint(Points.JobWrite);
        job.MapPost("/jobs/{treeid}/{jobuuid}", Update).RequirePoint(Points.JobWrite);
        job.MapDelete("/jobs/{treeid}/{jobuuid}", Delete).RequirePoint(Points.JobDelete);
        job.MapDelete("/jobs/{treeid}/{name}/byname", DeleteByName).RequirePoint(Points.JobDelete);
        return job;
    }

    private static IJobsGrain Jobs(IGrainFactory grains) => grains.GetGrain<IJobsGrain>(0);

    private static Task<IResult> List(HttpContext context, IGrainFactory grains) =>
        CatalogFilters.ListAsync(context, withPlugin: false, withJobName: false, Jobs(grains).List, j => new
        {
            id = j.Id, uuid = j.Uuid, name = j.Name, create_time = j.Authorship.CreateTime, create_user = j.Authorship.CreateUser,
            edit_user = j.Authorship.EditUser, edit_time = j.Authorship.EditTime, stepcount = j.StepCount, hasvariable = j.HasEmptyVariable ? 1 : 0,
        });

    private static async Task<IResult> Count(HttpContext context, IGrainFactory grains) =>
        Reply.Ok(new { permanent = await Jobs(grains).CountPermanent(context.TreeId()) });

    /// <summary>By uuid, or `byname` with `name=`; an unknown name answers `{}`, an unknown uuid `stat:false`.</summary>
    private static async Task<IResult> Detail(string jobuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = (await RequestParams.ReadAsync(context.Request)).With("jobuuid", jobuuid);
        if (new Check(input).Required("jobuuid", UuidPattern).NoQuote("name", required: false).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var byName = jobuuid == "byname";
        if (byName)
        {
            var name = input.Text("name");
            if (string.IsNullOrEmpty(name) || await Jobs(grains).UuidOf(treeId, name) is not { } found)
            {
                return Reply.Ok(new { });
            }

            jobuuid = found;
        }

        if (await Jobs(grains).Get(treeId, jobuuid) is not { } job)
        {
            // A name of a job that is not listed (transient) answers like an unknown name.
            return byName ? Reply.Ok(new { }) : Reply.Fail($"job {jobuuid} not found on tree node {treeId}");
        }

        return Reply.Ok(new
        {
            id = job.Id, name = job.Name, uuid = job.Uuid, uuids = job.Uuids, mon_ids = job.MonIds, mon_status = job.MonStatus,
            create_user = job.Authorship.CreateUser, create_time = job.Authorship.CreateTime, edit_user = job.Authorship.EditUser,
            edit_time = job.Authorship.EditTime, data = job.Steps.Select(StepWire.Of),
        });
    }

    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var draft = await DraftAsync(new Check(input).NoQuote("name", required: true), input, grains, treeId);
        if (draft.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "CREATE JOB", $"TREEID:{treeId} NAME:{draft.Job!.Name}");
        var saved = await Jobs(grains).Create(treeId, draft.Job, Caller.Required(context).User);
        return saved.Uuid is { } uuid ? Results.Json(new { stat = true, uuid, data = true }, Reply.Json) : Reply.Fail(saved.Error!);
    }

    private static async Task<IResult> Update(string jobuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = (await RequestParams.ReadAsync(context.Request)).With("jobuuid", jobuuid);
        var draft = await DraftAsync(new Check(input).Required("jobuuid", UuidPattern), input, grains, treeId);
        if (draft.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "EDIT JOB", $"TREEID:{treeId} NAME:{draft.Job!.Name}");
        var change = await Jobs(grains).Update(treeId, jobuuid, draft.Job, Caller.Required(context).User);
        return change.Succeeded ? Reply.Ok(true) : Reply.Fail(change.Error!);
    }

    private static async Task<IResult> CopyByName(string treeid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var check = new Check(input).Optional("fromprojectid", @"^\d+$").Optional("toprojectid", @"^\d+$")
            .NoQuote("fromname", required: true).NoQuote("toname", required: true).MaxLength("toname", MaxNameLength);
        if (check.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (TreeIds.TryParse(input.Text("fromprojectid") ?? treeid) is not { } from)
        {
            return Reply.Fail(TreeIds.FormatError("fromprojectid"));
        }

        if (TreeIds.TryParse(input.Text("toprojectid") ?? treeid) is not { } to)
        {
            return Reply.Fail(TreeIds.FormatError("toprojectid"));
        }

        // Copying reads the source node and writes the target node: the caller needs both points there.
        if (!await context.AllowsAsync(Points.JobRead, from) || !await context.AllowsAsync(Points.JobWrite, to))
        {
            return Reply.Unauthorized();
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "CREATE JOB", $"TREEID:{treeId} NAME:{input.Text("toname")}");
        var copied = await Jobs(grains).Copy(new JobCopy(from, input.Text("fromname")!, to, input.Text("toname")!), caller.User);
        return copied switch
        {
            { Uuid: { } uuid } => Results.Json(new { stat = true, uuid }, Reply.Json),
            { Error: { } error } => Reply.Fail(error),
            _ => Reply.Info("The source does not exist"),
        };
    }

    private static async Task<IResult> Delete(string jobuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (new Check(RequestParams.FromObject(default).With("jobuuid", jobuuid)).Required("jobuuid", UuidPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (await Jobs(grains).Get(treeId, jobuuid) is not { } job)
        {
            return Reply.Fail($"job {jobuuid} not found on tree node {treeId}");
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DELETE JOB", $"TREEID:{treeId} NAME:{job.Name}");
        return await Jobs(grains).Delete(treeId, jobuuid, caller.User) is null
            ? Reply.Fail($"job {jobuuid} not found on tree node {treeId}")
            : Reply.Ok(true);
    }

    private static async Task<IResult> DeleteByName(string name, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (new Check(RequestParams.FromObject(default).With("name", name)).NoQuote("name", required: true).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DELETE JOB", $"TREEID:{treeId} NAME:{name}");
        await Jobs(grains).DeleteByName(treeId, name, caller.User);
        return Results.Json(new { stat = true }, Reply.Json);
    }

    /// <summary>The job fields of a create or edit, after the route's own checks in <paramref name="check"/>.</summary>
    private static async Task<(JobDraft? Job, string? Failure)> DraftAsync(Check check, RequestParams input, IGrainFactory grains, long treeId)
    {
        check.Optional("mon_ids", MonIdsPattern).NoQuote("mon_status", required: false).NoQuote("name", required: true).MaxLength("name", MaxNameLength);
        if (check.Failure is { } failure)
        {
            return (null, failure);
        }

        if (MonStatus(input) is not { } monStatus)
        {
            return (null, "check format fail mon_status format error");
        }

        var steps = await StepValidator.ParseAsync(input, new GrainStepReferences(grains, treeId));
        if (steps.Error is { } error)
        {
            return (null, error);
        }

        return (new JobDraft(input.Text("name")!, PerlTruth.IsTrue(input, "permanent"), input.Text("mon_ids") ?? string.Empty, monStatus, steps.Steps!), null);
    }

    /// <summary>Whether monitoring may start the job: false values are 0, JSON true is 1, else a number (the column is unsigned).</summary>
    private static long? MonStatus(RequestParams input)
    {
        if (!PerlTruth.IsTrue(input, "mon_status"))
        {
            return 0;
        }

        var text = input.Values["mon_status"].ValueKind == JsonValueKind.True ? "1" : input.Text("mon_status");
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= uint.MaxValue ? value : null;
    }
}
