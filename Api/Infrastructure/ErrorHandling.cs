using System.Text.Json;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Api.Infrastructure;

/// <summary>Unknown routes and unexpected faults answer in the envelope and never leak a stack trace.</summary>
public static class ErrorHandling
{
    public static IApplicationBuilder UseEnvelopeErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (!context.Response.HasStarted)
            {
                var result = Translate(context, error);
                context.Response.Clear();
                await result.ExecuteAsync(context);
            }
        });

    /// <summary>
    /// Unknown routes: inside the module prefixes a caller who is not logged in learns nothing but
    /// `code:10000` (as for every module route); everyone else gets a 404 in the envelope.
    /// </summary>
    public static IEndpointRouteBuilder MapNotFound(this IEndpointRouteBuilder app)
    {
        app.MapFallback(async (HttpContext context, LoginFilter login) =>
        {
            if (ModulePrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.Ordinal)) && await login.IdentifyAsync(context.Request) is null)
            {
                return Reply.NotLoggedIn();
            }

            return Reply.Status(StatusCodes.Status404NotFound, $"no such route: {context.Request.Method} {context.Request.Path}");
        }).NoLogin("unknown routes: identifies the caller itself to answer code:10000 inside the module prefixes");
        return app;
    }

    private static readonly string[] ModulePrefixes = ["/api/job", "/api/agent", "/api/connector"];

    private static IResult Translate(HttpContext context, Exception error)
    {
        switch (error)
        {
            case BadRequestException bad:
                return Reply.Fail(bad.Message);
            case JsonException:
                return Reply.Fail("request body is not valid JSON");
            case Exception when context.RequestServices.GetRequiredService<IStorageFaults>().Describe(error) is { } reason:
                // A known condition of the deployment, not a defect: the caller is told, as upstream tells a failed query.
                return Reply.Fail(reason);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return Reply.Status(499, "request aborted");
            default:
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenC3.Api.Errors");
                logger.LogError(error, "Unhandled fault on {Method} {Path} (ref {TraceId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
                return Reply.Status(StatusCodes.Status500InternalServerError, $"internal error (ref {context.TraceIdentifier})");
        }
    }
}
