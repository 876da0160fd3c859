using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Job;

/// <summary>`/api/job`: every route needs a logged-in caller.</summary>
public static class JobModule
{
    public static IEndpointRouteBuilder MapJobModule(this IEndpointRouteBuilder app)
    {
        var job = app.MapGroup("/api/job").AddEndpointFilter<LoginFilter>().WithTags("job");
        job.MapEnvironmentApi();
        return app;
    }
}
