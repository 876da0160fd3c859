using OpenC3.Api.Monitor;

namespace OpenC3.Api.Job;

/// <summary>`/api/job`: each route declares its access (a tree point, a global point, login only or no login).</summary>
public static class JobModule
{
    public static IEndpointRouteBuilder MapJobModule(this IEndpointRouteBuilder app)
    {
        var job = app.MapGroup("/api/job").WithTags("job");
        job.MapEnvironmentApi();
        job.MapJobDefinitionApis();
        job.MapJobResourceApis();
        job.MapTaskApi();
        job.MapCmdPluginApi();
        job.MapScpPluginApi();
        job.MapSubtaskApi();
        job.MapStepResultsApi();
        job.MapHostKeyApi();
        job.MapCrontabApi();
        job.MapSlaveApi();
        job.MapApprovalApi();
        job.MapApprovalPluginApi();
        job.MapMonitorApi();
        job.MapSendFileApi();
        job.MapTerminalApi();
        job.MapJobByMonitorApi();
        return app;
    }
}
