# The CrisisGrid silo (hosts the grains). Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t crisisgrid-silo .
# Same publish as the tests and deploy/publish.sh: `dotnet publish src/Silo -c Release` → CrisisGrid.Silo.dll.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY scenarios/ scenarios/
RUN dotnet publish src/Silo/CrisisGrid.Silo.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the HEALTHCHECK only; installed as root, then the image runs as the non-root "app" user it ships with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
# 11111 silo-to-silo, 30000 gateway (Orleans clients), 8081 health (/health/live, /health/ready).
EXPOSE 11111 30000 8081
ENV Urls=http://+:8081 \
    Cluster__SiloPort=11111 \
    Cluster__GatewayPort=30000 \
    Storage__SqlitePath=/data/crisisgrid.db
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8081/health/live || exit 1
ENTRYPOINT ["dotnet", "CrisisGrid.Silo.dll"]
