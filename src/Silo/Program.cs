using CrisisGrid.Silo.Hosting;

// The CrisisGrid silo: hosts the grains. Settings come from appsettings.json, then environment variables
// (Cluster__Mode, Storage__PostgresConnectionString, ...), then command-line arguments (--Cluster:SiloPort=11112).
// A small web host beside the silo serves /health/live and /health/ready on "Urls" (a free loopback port unless set;
// containers set Urls=http://+:8081) and, for operators with the operator key, the Orleans dashboard at /dashboard
// (on Dashboard:Port only, when set; see deploy/README.md).
await SiloWebApp.Create(args).RunAsync();
