using CrisisGrid.Silo.Hosting;
using CrisisGrid.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The CrisisGrid silo: hosts the grains. Settings come from appsettings.json, then environment variables
// (Cluster__Mode, Storage__PostgresConnectionString, ...), then command-line arguments (--Cluster:SiloPort=11112).
// A small web host beside the silo serves /health/live and /health/ready on "Urls" (a free loopback port unless set;
// containers set Urls=http://+:8081) and nothing else.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration["Urls"]))
{
    // Several silos on one machine (the local cluster, tests) must not fight over ASP.NET Core's default port 5000.
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.AddServiceDefaults();
builder.Services.AddHealthChecks()
    .AddReadinessCheck<EventLogHealthCheck>("event-log")
    .AddReadinessCheck<ClusterMembershipHealthCheck>("cluster-membership");
builder.UseCrisisGridSilo();
var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
