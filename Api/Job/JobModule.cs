using OpenC3.Api.Infrastructure;
using OpenC3.Api.Monitor;

namespace OpenC3.Api.Job;

/// <summary>`/api/job`: every route needs a logged-in caller (no-login routes are mapped on <c>open</c>).</summary>
public static class JobModule
{
    public static IEndpointRouteBuilder MapJobModule(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/job").WithTags("job");
        var job = app.MapGroup("/api/job").AddEndpointFilter<LoginFilter>().WithTags("job");
        job.MapEnvironmentApi();
        job.MapJobDefinitionApis();
        job.MapJobResourceApis(open);
        job.MapTaskApi();
        job.MapScpPluginApi();
        job.MapSubtaskApi();
        job.MapHostKeyApi();
        job.MapCrontabApi();
        job.MapSlaveApi(open);
        job.MapApprovalApi(open);
        job.MapApprovalPluginApi();
        open.MapMonitorApi();
        return app;
    }
}
