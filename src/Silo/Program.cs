using CrisisGrid.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// The CrisisGrid silo: hosts the grains. Settings come from appsettings.json, then environment variables
// (Cluster__Mode, Storage__PostgresConnectionString, ...), then command-line arguments (--Cluster:SiloPort=11112).
var builder = Host.CreateApplicationBuilder(args);
builder.UseCrisisGridSilo();
await builder.Build().RunAsync();
