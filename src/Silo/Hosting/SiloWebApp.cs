using CrisisGrid.Silo.Hosting.Dashboard;
using CrisisGrid.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrisisGrid.Silo.Hosting;

/// <summary>
/// The silo executable's whole setup: the silo (<see cref="CrisisGridSilo.UseCrisisGridSilo"/>) and a small web host
/// beside it for health (<c>/health/live</c>, <c>/health/ready</c>) and the operators' dashboard. Tests build it too.
/// </summary>
public static class SiloWebApp
{
    public static WebApplication Create(string[] args)
    {
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
        builder.AddOperatorDashboard();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapOperatorDashboard();
        return app;
    }
}
