using OpenC3.Api.Infrastructure;
using OpenTelemetry.Metrics;

namespace OpenC3.Api.Monitor;

/// <summary>
/// Prometheus scrape endpoint `/metrics` (no login, like `/monitor`): ASP.NET Core's HTTP server meters,
/// Orleans' meters and ours. Embedded, this process is also the silo, so task and SSH metrics are here;
/// a client-mode API host has its HTTP and Orleans client meters only, the silos serve the rest.
/// </summary>
public static class PrometheusMetrics
{
    /// <param name="productMeters">Adds the product's and Orleans' meters, which the hosting knows.</param>
    public static IServiceCollection AddOpenC3Metrics(this IServiceCollection services, Func<MeterProviderBuilder, MeterProviderBuilder> productMeters)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => productMeters(metrics)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapOpenC3Metrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").NoLogin("Prometheus scrape: counters only, no names or secrets");
        return app;
    }
}
