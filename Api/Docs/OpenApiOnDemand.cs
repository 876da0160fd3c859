using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenC3.Api.Docs;

/// <summary>
/// `/openapi/v1.json`, generated on its first request in a service container of its own: the product's registrations
/// plus the OpenAPI generator, reading the product's own endpoints. Registering the generator with the product's
/// services loads MVC's ApiExplorer, MVC core and Microsoft.OpenApi at every start (about 1.7 MB resident, README
/// Footprint) for a document few processes are ever asked for.
/// </summary>
public sealed class OpenApiOnDemand(IServiceCollection productServices, IServiceProvider product)
{
    public const string DocumentName = "v1";

    private readonly SemaphoreSlim serializing = new(1, 1);
    private object? document;

    public async Task WriteAsync(string documentName, HttpContext context)
    {
        if (documentName != DocumentName)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain;charset=utf-8";
            await context.Response.WriteAsync($"No such OpenAPI document; this product serves '{DocumentName}'.", context.RequestAborted);
            return;
        }

        await serializing.WaitAsync(context.RequestAborted);
        try
        {
            document ??= await GenerateAsync(productServices, product, context.RequestAborted);
            var json = await SerializeAsync(document, context.Request, context.RequestAborted);
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.Body.WriteAsync(json, context.RequestAborted);
        }
        finally
        {
            serializing.Release();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<object> GenerateAsync(IServiceCollection productServices, IServiceProvider product, CancellationToken cancellationToken)
    {
        IServiceCollection services = new ServiceCollection();
        foreach (var registration in productServices)
        {
            services.Add(registration);
        }

        // What holds the product's state is the product's own instance, never a second one built from the same registrations.
        services.AddSingleton(product.GetRequiredService<EndpointDataSource>());
        services.AddSingleton(product.GetRequiredService<IServer>());
        services.AddSingleton(product.GetRequiredService<ILoggerFactory>());
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<EnvelopeDocument>();
            options.AddOperationTransformer<RouteParameters>();
        });

        await using var generator = services.BuildServiceProvider();
        return await generator.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(cancellationToken);
    }

    /// <summary>The servers entry names the address the request came to, as the framework's own document endpoint does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<byte[]> SerializeAsync(object generated, HttpRequest request, CancellationToken cancellationToken)
    {
        var document = (OpenApiDocument)generated;
        document.Servers = [new OpenApiServer { Url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase) }];
        using var output = new MemoryStream();
        await document.SerializeAsJsonAsync(output, OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return output.ToArray();
    }
}
