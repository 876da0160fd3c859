using OpenC3.Api.Health;
using OpenC3.Api.Connector;
using OpenC3.Api.Docs;
using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Api.Monitor;
using OpenC3.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8080");
builder.AddOpenC3Orleans();
builder.Services.AddOpenC3OpenApi();
builder.Services.AddOpenC3Metrics();
builder.Services.AddSingleton<LoginFilter>();
builder.Services.AddSingleton<OpenC3.Grains.Abstractions.Catalog.IJobStarter, TaskJobStarter>();
builder.Services.Configure<ApprovalOptions>(builder.Configuration.GetSection(ApprovalOptions.Section));
builder.Services.AddSingleton<ApprovalGuessLimiter>();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddSingleton<TrustedOrigins>();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseEnvelopeErrors();
app.UseWebSockets();
app.MapHealthApi();
app.MapOpenC3Docs();
app.MapOpenC3Metrics();
app.MapJobModule();
app.MapConnectorModule();
app.MapNotFound();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
