using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>`/release?id=1,2`: may these tree nodes be released? Answers a bare `true`/`false`, not the envelope, as upstream.</summary>
public static class ReleaseApi
{
    private const string IdsPattern = @"^\d[\d,]*$";

    public static RouteGroupBuilder MapReleaseApi(this RouteGroupBuilder connector)
    {
        connector.MapGet("/release", Release);
        return connector;
    }

    private static async Task<IResult> Release(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("id", IdsPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var ids = input.Text("id")!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(TreeIds.TryParse).ToList();
        if (ids.Any(id => id is null))
        {
            return Reply.Fail($"check format fail id format error {Check.PerlRegex(IdsPattern)}");
        }

        var releasable = await grains.GetGrain<IReleaseGrain>(0).CanRelease(ids.Select(id => id!.Value).Distinct().ToList());
        return Results.Text(releasable ? "true" : "false", "application/json");
    }
}
