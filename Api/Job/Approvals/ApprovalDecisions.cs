using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Approvals;

namespace OpenC3.Api.Job;

/// <summary>
/// Finding a row by its uuid and recording an opinion on it, shared by the login routes, the no-login
/// routes and the phone page. On the no-login side every lookup goes through the guess limiter.
/// </summary>
public static class ApprovalDecisions
{
    public const string NotFound = "nofind approval";
    public const string TooManyGuesses = "too many unknown approval uuids from this address, try again later";
    public static readonly string[] Opinions = ["agree", "refuse"];

    /// <summary>The row, or null (counted as a guess) when the uuid is malformed or not there.</summary>
    public static async Task<ApprovalRow?> FindGuardedAsync(HttpContext context, IGrainFactory grains, ApprovalGuessLimiter limiter, string uuid)
    {
        var row = Grains.Abstractions.Common.Uuid.IsValid(uuid) ? await grains.GetGrain<IApprovalQueryGrain>(0).Find(uuid) : null;
        if (row is null)
        {
            limiter.Miss(context);
        }

        return row;
    }

    /// <summary>Audits, then records. <paramref name="asUser"/>: the logged-in caller the row must belong to; null when the uuid is the credential.</summary>
    public static async Task<string?> DecideAsync(IGrainFactory grains, ApprovalRow row, string opinion, Caller auditAs, string? asUser, string via)
    {
        // The row uuid is a credential: the audit names the batch and the approver, never the uuid.
        await AuditTrail.RecordAsync(grains, auditAs, "APPROVAL", $"BATCH:{row.TaskUuid} APPROVER:{row.User} NAME:{row.Name} OPINION:{opinion} VIA:{via}");
        return await grains.GetGrain<IApprovalGrain>(row.TaskUuid).Decide(row.Uuid, opinion, asUser) switch
        {
            ApprovalVerdict.Recorded => null,
            ApprovalVerdict.NotYours => "this approval is not yours",
            ApprovalVerdict.AlreadyDecided => "this approval has been decided already",
            ApprovalVerdict.Closed => "this approval is closed",
            _ => NotFound,
        };
    }

    /// <summary>Upstream's reply to a recorded opinion is `data:1`.</summary>
    public static IResult Reply(string? error) => error is null ? Infrastructure.Reply.Ok(1) : Infrastructure.Reply.Fail(error);
}
