# The CrisisGrid gateway (HTTP API, SignalR hub, web client), an Orleans client of the silos. Build from the
# repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t crisisgrid-gateway .
# Same publish as the tests and deploy/publish.sh: `dotnet publish src/Gateway -c Release` → CrisisGrid.Gateway.dll,
# with the web client's build (src/WebClient/dist) as wwwroot.

FROM node:22-bookworm-slim AS webclient
WORKDIR /web
COPY src/WebClient/package.json src/WebClient/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY src/WebClient/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY scenarios/ scenarios/
RUN dotnet publish src/Gateway/CrisisGrid.Gateway.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the HEALTHCHECK only; installed as root, then the image runs as the non-root "app" user it ships with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY --from=webclient /web/dist ./wwwroot
# /data holds the data-protection key ring that signs participants' tokens: every gateway of one installation must
# share it (a shared volume), or a player who reconnects to another gateway must join again.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
EXPOSE 8080
ENV Urls=http://+:8080 \
    Gateway__DataDirectory=/data \
    Gateway__WebRoot=/app/wwwroot
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "CrisisGrid.Gateway.dll"]
