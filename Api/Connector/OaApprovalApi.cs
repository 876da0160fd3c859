using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>`/connectorx/approval`: the job module raises OA approvals here and polls their outcome.</summary>
public static class OaApprovalApi
{
    private const string UserPattern = @"^[a-zA-Z0-9\@_\.\-]+$";
    private const int MaxContent = 10000;

    public static RouteGroupBuilder MapOaApprovalApi(this RouteGroupBuilder connector)
    {
        connector.MapPost("/connectorx/approval", Create).LoginOnly("a person submits only as themselves, checked in the handler");
        connector.MapGet("/connectorx/approval", Query).LoginOnly("the uuid is the capability");
        return connector;
    }

    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var check = new Check(input)
            .Required("content", ".+").MaxLength("content", MaxContent)
            .Required("submitter", UserPattern).MaxLength("submitter", 100)
            .Required("approver", UserPattern).MaxLength("approver", 100);
        if (check.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        // Modules submit on behalf of their users; a person may only submit as themselves.
        var caller = Caller.Required(context);
        var submitter = input.Text("submitter")!;
        if (!caller.IsApp && submitter != caller.User)
        {
            return Reply.Unauthorized();
        }

        await AuditTrail.RecordAsync(grains, caller, "CREATE APPROVAL", $"SUBMITTER:{submitter} APPROVER:{input.Text("approver")}");
        return Reply.Ok(await grains.GetGrain<IOaApprovalGrain>(0).Create(input.Text("content")!, submitter, input.Text("approver")!));
    }

    private static async Task<IResult> Query(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("uuid", "^[a-zA-Z0-9]+$").MaxLength("uuid", 20).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var uuid = input.Text("uuid")!;
        return await grains.GetGrain<IOaApprovalGrain>(0).Query(uuid) is { } state
            ? Reply.Ok(new { status = state.Status, reason = state.Reason })
            : Reply.Fail($"nofind the uuid {uuid}");
    }
}
