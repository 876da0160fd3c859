using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Diagnostics;

namespace OpenC3.Api.Health;

/// <summary>`/healthz`: the process answers. `/readyz`: a grain round trip through storage works.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).NoLogin("liveness probe");
        app.MapGet("/readyz", Ready).NoLogin("readiness probe");
        return app;
    }

    private static async Task<IResult> Ready(IGrainFactory grains, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IProbeGrain>("readyz").Get().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return Results.Text("ready");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Reply.Status(StatusCodes.Status503ServiceUnavailable, $"not ready: {error.GetType().Name}");
        }
    }
}
