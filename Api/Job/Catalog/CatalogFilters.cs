using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>The list filters of jobs, scripts and node groups, validated as upstream does.</summary>
public static class CatalogFilters
{
    /// <summary>`GET /x/:treeid` of a catalog (the route declares the read point): the filters, then the rows as <paramref name="wire"/> shapes them.</summary>
    public static async Task<IResult> ListAsync<TRow>(
        HttpContext context, bool withPlugin, bool withJobName, Func<long, CatalogFilter, Task<IReadOnlyList<TRow>>> list, Func<TRow, object> wire)
    {
        var (filter, failure) = Read(await RequestParams.ReadAsync(context.Request), withPlugin, withJobName);
        return failure is not null ? Reply.Fail(failure) : Reply.Ok((await list(context.TreeId(), filter!)).Select(wire));
    }

    public const string DatePattern = @"^\d{4}\-\d{2}\-\d{2}$";

    /// <param name="input">The request's parameters.</param>
    /// <param name="withPlugin">Node groups also filter on their plugin.</param>
    /// <param name="withJobName">Scripts and node groups also filter on the jobs that cite them.</param>
    public static (CatalogFilter? Filter, string? Failure) Read(RequestParams input, bool withPlugin, bool withJobName)
    {
        var check = new Check(input).NoQuote("name", required: false);
        if (withPlugin)
        {
            check.Optional("plugin", "[a-zA-Z0-9]+");
        }

        check.NoQuote("create_user", required: false).NoQuote("edit_user", required: false)
            .Optional("create_time_start", DatePattern).Optional("create_time_end", DatePattern)
            .Optional("edit_time_start", DatePattern).Optional("edit_time_end", DatePattern);
        if (check.Failure is { } failure)
        {
            return (null, failure);
        }

        var jobName = withJobName ? input.Text("jobname") : null;
        if (jobName is not null && !JobNamePattern.IsValid(jobName))
        {
            return (null, "jobname format error");
        }

        return (new CatalogFilter
        {
            Name = input.Text("name"),
            CreateUser = input.Text("create_user"),
            EditUser = input.Text("edit_user"),
            CreateTimeStart = input.Text("create_time_start"),
            CreateTimeEnd = input.Text("create_time_end"),
            EditTimeStart = input.Text("edit_time_start"),
            EditTimeEnd = input.Text("edit_time_end"),
            JobName = jobName,
            Plugin = withPlugin ? input.Text("plugin") : null,
        }, null);
    }
}
