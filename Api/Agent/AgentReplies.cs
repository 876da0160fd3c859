using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Api.Agent;

/// <summary>How agent writes answer: upstream's rows affected as `data`, or why nothing was written.</summary>
public static class AgentReplies
{
    public static IResult Rows(AgentChange change) => change.Error is { } error ? Reply.Fail(error) : Reply.Ok(change.Rows);

    /// <summary>`{stat:true}` without data, as upstream's subnet, proxy and check writes answer.</summary>
    public static IResult Done() => Results.Json(new { stat = true }, Reply.Json);

    public static IResult Done(AgentChange change) => change.Error is { } error ? Reply.Fail(error) : Done();
}
