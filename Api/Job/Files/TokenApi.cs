using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// `/token`: upload tokens of a node's file server. The token is answered once, when it is created (given
/// by the caller, or 32 random letters and digits); afterwards only a masked form is shown.
/// </summary>
public static class TokenApi
{
    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder job)
    {
        job.MapMethods("/token/{treeid}/info", ["GET", "POST"], List).RequireProjectPoint(Points.JobWrite);
        job.MapPost("/token/{treeid}", Create).RequireProjectPoint(Points.JobWrite);
        job.MapDelete("/token/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobDelete);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).RowFilters().Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var tokens = await grains.GetGrain<IUploadTokenGrain>(0).List(treeId, ResourceRoutes.Rows(input));
        return Reply.Ok(tokens.Select(t => new
        {
            id = t.Id,
            token = t.MaskedToken,
            describe = t.Describe,
            create_user = t.CreateUser,
            create_time = t.CreateTime,
            isjob = t.IsJob,
            jobname = t.JobName,
        }));
    }

    /// <summary>`{stat:true, data:true, id, token}`: upstream's `data:true`, plus the only time the token is shown.</summary>
    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var isJob = input.Text("isjob") is { } flag && flag is not ("" or "0" or "false");
        var failure = new Check(input)
            .Optional("token", TokenSecret.Pattern)
            .NoQuote("describe", required: true)
            .NoQuote("isjob", required: true)
            .NoQuote("jobname", required: isJob)
            .Failure ?? ResourceRoutes.Oversized(input, ("describe", 200), ("jobname", 200));
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var token = input.Text("token") ?? TokenSecret.New();
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "ADD FILESERVER TOKEN", $"TREEID:{treeId} NAME:{input.Text("describe")}");
        var created = await grains.GetGrain<IUploadTokenGrain>(0).Create(
            treeId, new TokenInput(token, input.Text("describe")!, isJob, input.Text("jobname") ?? string.Empty), caller.User);
        return created.Id is { } id
            ? Results.Json(new { stat = true, data = true, id, token }, Reply.Json)
            : Reply.Fail(created.Error ?? "create token failed");
    }

    private static Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IUploadTokenGrain>(context, grains, id, "DEL FILESERVER TOKEN", "NAME");
}
