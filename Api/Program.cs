using OpenC3.Api;
using OpenC3.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8080");
builder.AddOpenC3Api();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseEnvelopeErrors();
app.UseWebSockets();
app.UseConsoleAssets();
app.MapOpenC3Routes();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
