using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Approvals;

namespace OpenC3.Api.Job;

/// <summary>
/// `/approval`: an approver's rows and opinions. The login routes act for the caller's own rows; the
/// no-login `control` routes (and the phone page) take possession of a row uuid as the credential.
/// </summary>
public static class ApprovalApi
{
    private const int MineLimit = 100;

    public static RouteGroupBuilder MapApprovalApi(this RouteGroupBuilder job)
    {
        job.MapGet("/approval", Mine).LoginOnly("the caller's own approvals");
        job.MapPost("/approval", DecideOwn).LoginOnly("decides only the caller's own approvals");
        job.MapGet("/approval/{uuid}", BatchOfOwn).LoginOnly("the caller's own approval batch");
        // Upstream exempts these from login: the approval row's uuid is the capability (guesses are rate limited).
        job.MapGet("/approval/control/{uuid}", BatchByUuid).NoLogin("the approval uuid is the capability");
        job.MapGet("/approval/control/status/{uuid}", RowByUuid).NoLogin("the approval uuid is the capability");
        job.MapPost("/approval/control", DecideByUuid).NoLogin("the approval uuid is the capability");
        job.MapApprovalPage();
        return job;
    }

    private static async Task<IResult> Mine(HttpContext context, IGrainFactory grains)
    {
        var rows = await grains.GetGrain<IApprovalQueryGrain>(0).Mine(Caller.Required(context).User, MineLimit);
        return Reply.Ok(rows.Select(r => new
        {
            id = r.Id, taskuuid = r.TaskUuid, uuid = r.Uuid, name = r.Name, opinion = r.Opinion, remarks = r.Remarks, create_time = r.CreateTime,
            finishtime = r.FinishTime, submitter = r.Submitter, oauuid = r.OaUuid, notifystatus = r.NotifyStatus,
        }));
    }

    private static async Task<IResult> DecideOwn(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("uuid", "^[a-zA-Z0-9]{12}$").RequiredIn("opinion", ApprovalDecisions.Opinions).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        var row = await grains.GetGrain<IApprovalQueryGrain>(0).Find(input.Text("uuid")!);
        if (row is null || row.User != caller.User)
        {
            return Reply.Fail(row is null ? ApprovalDecisions.NotFound : "this approval is not yours");
        }

        return ApprovalDecisions.Reply(await ApprovalDecisions.DecideAsync(grains, row, input.Text("opinion")!, caller, caller.User, "login"));
    }

    /// <summary>All rows of the batch, only for the owner of <paramref name="uuid"/>; anyone else sees none.</summary>
    private static async Task<IResult> BatchOfOwn(string uuid, HttpContext context, IGrainFactory grains)
    {
        var query = grains.GetGrain<IApprovalQueryGrain>(0);
        var row = Grains.Abstractions.Common.Uuid.IsValid(uuid) ? await query.Find(uuid) : null;
        return row is null || row.User != Caller.Required(context).User
            ? Reply.Ok(Array.Empty<object>())
            : Reply.Ok((await query.Batch(row.TaskUuid)).Select(BatchShape));
    }

    private static async Task<IResult> BatchByUuid(string uuid, HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter)
    {
        if (limiter.IsBlocked(context))
        {
            return TooManyGuesses();
        }

        var row = await ApprovalDecisions.FindGuardedAsync(context, grains, limiter, uuid);
        return row is null ? Reply.Fail(ApprovalDecisions.NotFound) : Reply.Ok((await grains.GetGrain<IApprovalQueryGrain>(0).Batch(row.TaskUuid)).Select(BatchShape));
    }

    private static async Task<IResult> RowByUuid(string uuid, HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter)
    {
        if (limiter.IsBlocked(context))
        {
            return TooManyGuesses();
        }

        var row = await ApprovalDecisions.FindGuardedAsync(context, grains, limiter, uuid);
        if (row is null)
        {
            return Reply.Fail(ApprovalDecisions.NotFound);
        }

        var batch = await grains.GetGrain<IApprovalGrain>(row.TaskUuid).Get();
        return Reply.Ok(new
        {
            id = row.Id, taskuuid = row.TaskUuid, uuid = row.Uuid, user = row.User, name = row.Name, cont = row.Cont, opinion = row.Opinion,
            remarks = row.Remarks, create_time = row.CreateTime, finishtime = row.FinishTime, submitter = row.Submitter,
            everyone = row.Everyone, status = batch?.Status,
        });
    }

    private static async Task<IResult> DecideByUuid(HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter)
    {
        if (limiter.IsBlocked(context))
        {
            return TooManyGuesses();
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("uuid", "^[a-zA-Z0-9]+$").RequiredIn("opinion", ApprovalDecisions.Opinions).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var row = await ApprovalDecisions.FindGuardedAsync(context, grains, limiter, input.Text("uuid")!);
        return row is null
            ? Reply.Fail(ApprovalDecisions.NotFound)
            : ApprovalDecisions.Reply(await ApprovalDecisions.DecideAsync(grains, row, input.Text("opinion")!, Caller.ForUser(row.User), null, $"control {ClientAddress(context)}"));
    }

    /// <summary>Other approvers' rows are shown without their uuids: each one is its approver's credential.</summary>
    private static object BatchShape(ApprovalRow r) => new
    {
        id = r.Id, taskuuid = r.TaskUuid, name = r.Name, cont = r.Cont, opinion = r.Opinion, remarks = r.Remarks, create_time = r.CreateTime,
        finishtime = r.FinishTime, submitter = r.Submitter, oauuid = r.OaUuid, notifystatus = r.NotifyStatus, user = r.User,
    };

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult TooManyGuesses() => Reply.Status(StatusCodes.Status429TooManyRequests, ApprovalDecisions.TooManyGuesses);
}
