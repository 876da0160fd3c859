using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// `GET /release?id=1,2` (no login, as upstream): whether those tree nodes' job resources are released, i.e.
/// none has an available crontab. The answer is a bare `true` or `false` as text/plain, not the envelope:
/// the web UI compares it with the string `'true'` (`tree.controller.js`), and AngularJS would turn a JSON
/// reply into a boolean that never equals it.
/// </summary>
public static class ReleaseApi
{
    private const string IdsPattern = @"^\d[\d,]*$";

    /// <summary>No login: the body this route reads and the ids it looks up are bounded.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    private const int MaxIds = 1000;

    public static RouteGroupBuilder MapReleaseApi(this RouteGroupBuilder open)
    {
        open.MapGet("/release", Released).NoLogin("upstream's release check for deploy tools: a yes/no whether nodes have live crontabs");
        return open;
    }

    /// <summary>Also the connector's `/release`: upstream's connector asks the job module the same question.</summary>
    internal static async Task<IResult> Released(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadBoundedAsync(context.Request, MaxBodyBytes);
        var ids = new HashSet<long>();
        var failure = new Check(input).Required("id", IdsPattern).Failure;
        foreach (var id in failure is null ? input.Text("id")!.Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            if (TreeIds.TryParse(id) is not { } treeId)
            {
                failure = $"check format fail id format error {Check.PerlRegex(IdsPattern)}";
                break;
            }

            ids.Add(treeId);
            if (ids.Count > MaxIds)
            {
                failure = $"check format fail id: at most {MaxIds} ids";
                break;
            }
        }

        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var released = await grains.GetGrain<IProjectGrain>(0).Released([.. ids]);
        return Results.Text(released.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(), "text/plain");
    }
}
