using System.Text.RegularExpressions;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Environment;

namespace OpenC3.Api.Job;

/// <summary>`/environment`: notification switches and templates of the job module.</summary>
public static partial class EnvironmentApi
{
    private const int MaxValueLength = 5000;

    public static RouteGroupBuilder MapEnvironmentApi(this RouteGroupBuilder job)
    {
        job.MapGet("/environment", GetEnvironment).LoginOnly("notification switches and templates, read by every page");
        job.MapPost("/environment", SetEnvironment).RequireGlobalPoint(Points.JobRoot);
        job.MapDelete("/environment", DeleteEnvironment).RequireGlobalPoint(Points.JobRoot);
        return job;
    }

    private static async Task<IResult> GetEnvironment(IGrainFactory grains) =>
        Reply.Ok(await grains.GetGrain<IEnvironmentGrain>(0).GetAll());

    private static async Task<IResult> SetEnvironment(HttpContext context, IGrainFactory grains)
    {
        var caller = Caller.Required(context);
        var input = await RequestParams.ReadAsync(context.Request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in input.Values)
        {
            var value = RequestParams.AsText(raw) ?? string.Empty;
            if (!KeyPattern().IsMatch(key))
            {
                return Reply.Fail($"check format fail {key} format error {Check.PerlRegex(KeyPattern().ToString())}");
            }

            if (value.Contains('\'') || value.Length > MaxValueLength)
            {
                return Reply.Fail($"check format fail {key} format error");
            }

            values[key] = value;
        }

        await AuditTrail.RecordAsync(grains, caller, "EDIT ENVIRONMENT", $"KEYS:{string.Join(',', values.Keys)}");
        return Reply.Ok(await grains.GetGrain<IEnvironmentGrain>(0).Set(values, caller.User));
    }

    private static async Task<IResult> DeleteEnvironment(HttpContext context, IGrainFactory grains)
    {
        var caller = Caller.Required(context);
        var input = await RequestParams.ReadAsync(context.Request);
        var keys = input.Values.Keys.Where(key => KeyPattern().IsMatch(key)).ToList();
        await AuditTrail.RecordAsync(grains, caller, "DELETE ENVIRONMENT", $"KEYS:{string.Join(',', keys)}");
        return Reply.Ok(await grains.GetGrain<IEnvironmentGrain>(0).Delete(keys));
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex KeyPattern();
}
