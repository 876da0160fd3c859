using Microsoft.Extensions.Logging.Console;
using OpenC3.Api;
using OpenC3.Api.Infrastructure;

// The slim builder leaves out what this host never uses (IIS, HTTPS and QUIC in Kestrel, hosting startup
// assemblies, the Debug and EventSource log providers); that is about 2 MB of an idle product's memory.
// Settings are read once at start: watching appsettings*.json for changes is a file watcher and its thread (0.4 MB).
var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
// It also pins the console log to the simple format; Logging:Console (FormatterName json) applies again.
builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8080");
builder.AddConsoleAssets();
builder.AddOpenC3Api();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseEnvelopeErrors();
app.UseWebSockets();
app.MapOpenC3Routes();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
