using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Connector;

/// <summary>`/release?id=1,2`: may these tree nodes be released? The job module answers (no available crontab), as upstream.</summary>
public static class ReleaseApi
{
    public static RouteGroupBuilder MapReleaseApi(this RouteGroupBuilder connector)
    {
        connector.MapGet("/release", Job.ReleaseApi.Released).LoginOnly("whether nodes have live crontabs, a yes/no for other modules");
        return connector;
    }
}
