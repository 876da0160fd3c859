namespace OpenC3.Api.Job;

/// <summary>Jobs, their steps and variables, scripts and node groups: what a task runs.</summary>
public static class JobDefinitionApis
{
    public static RouteGroupBuilder MapJobDefinitionApis(this RouteGroupBuilder job) =>
        job.MapJobsApi().MapVariablesApi().MapScriptsApi().MapNodeGroupsApi().MapThirdPartyApi();
}
