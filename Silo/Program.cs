using Microsoft.Extensions.Hosting;
using OpenC3.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOpenC3Orleans(forceSilo: true);
builder.AddSiloMetricsListener();
await builder.Build().RunAsync();
