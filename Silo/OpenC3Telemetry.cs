using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenC3.Grains.Diagnostics;
using OpenTelemetry.Metrics;

namespace OpenC3.Silo;

/// <summary>The meters every OpenC3 process exports, and the standalone silo's own Prometheus listener.</summary>
public static class OpenC3Telemetry
{
    /// <summary>`Metrics:Port` of a standalone silo: it serves `/metrics` on that port (off when unset).</summary>
    public const string PortKey = "Metrics:Port";

    /// <summary>`Metrics:Host`: the name the silo's listener binds to (`localhost` by default, `*` for every address).</summary>
    public const string HostKey = "Metrics:Host";

    /// <summary>
    /// Distinct tag sets kept per metric; further ones are summed under `otel_metric_overflow`. OpenTelemetry
    /// preallocates a point per tag set for every metric (its default of 2000 was 15 MB for the ~110 metrics an
    /// embedded product exports, 512 still 4 MB of an idle heap). Ours and Orleans' have a handful each, the most
    /// one per grain class; HTTP request duration by route, method and status has a few hundred.
    /// </summary>
    public const int MetricTagSetsLimit = 128;

    /// <summary>Tag sets kept for <see cref="HttpRequestDuration"/>: the ~190 routes by method and status.</summary>
    public const int HttpMetricTagSetsLimit = 1024;

    private const string HttpRequestDuration = "http.server.request.duration";

    /// <summary>Ours (tasks, steps, hosts, SSH connections, approvals, cron) and Orleans' runtime meter.</summary>
    public static MeterProviderBuilder AddOpenC3Meters(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(OpenC3Metrics.MeterName, "Microsoft.Orleans")
            .AddView(instrument => new MetricStreamConfiguration
            {
                CardinalityLimit = instrument.Name == HttpRequestDuration ? HttpMetricTagSetsLimit : MetricTagSetsLimit,
            });

    /// <summary>A standalone silo hosts no web server: when configured, a small HTTP listener serves its metrics to Prometheus.</summary>
    public static IHostApplicationBuilder AddSiloMetricsListener(this IHostApplicationBuilder builder)
    {
        if (int.TryParse(builder.Configuration[PortKey], out var port) && port > 0)
        {
            var host = builder.Configuration[HostKey] is { Length: > 0 } name ? name : "localhost";
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddOpenC3Meters().AddPrometheusHttpListener(listener =>
            {
                listener.Host = host;
                listener.Port = port;
            }));
        }

        return builder;
    }
}
