using OpenC3.Api.Agent;
using OpenC3.Api.Connector;
using OpenC3.Api.Docs;
using OpenC3.Api.Health;
using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Api.Monitor;
using OpenC3.Silo;

namespace OpenC3.Api;

/// <summary>The API host's services and route table, shared by Program and the test that enumerates every endpoint.</summary>
public static class OpenC3Api
{
    public static WebApplicationBuilder AddOpenC3Api(this WebApplicationBuilder builder)
    {
        builder.AddOpenC3Orleans();
        builder.Services.AddOpenC3OpenApi();
        builder.Services.AddOpenC3Metrics(metrics => metrics.AddOpenC3Meters());
        builder.Services.AddSingleton<LoginFilter>();
        builder.Services.AddSingleton<UploadJobStarter>();
        builder.Services.Configure<ApprovalOptions>(builder.Configuration.GetSection(ApprovalOptions.Section));
        builder.Services.AddSingleton<ApprovalGuessLimiter>();
        builder.Services.Configure<TerminalOptions>(builder.Configuration.GetSection(TerminalOptions.Section));
        builder.Services.AddSingleton<TerminalSessions>();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddSingleton<TrustedOrigins>();
        return builder;
    }

    /// <summary>Every route, each under <see cref="AccessFilter"/>, each declaring its <see cref="RouteAccess"/>.</summary>
    public static IEndpointRouteBuilder MapOpenC3Routes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup(string.Empty).AddEndpointFilter<AccessFilter>();
        routes.MapHealthApi();
        routes.MapOpenC3Docs();
        routes.MapOpenC3Metrics();
        routes.MapJobModule();
        routes.MapConnectorModule();
        routes.MapAgentModule();
        routes.MapWebUiShellApi();
        routes.MapConsolePage();
        routes.MapNotFound();
        return app;
    }
}
