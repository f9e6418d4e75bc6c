# The site's image: built from source, runs as the unprivileged app user on port 8080.
# `docker run IMAGE` serves the site; `docker run IMAGE migrate` applies migrations and seeds, then exits
# (docker-compose.yml runs both).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# .editorconfig too: the analyzers fail the build, and it is what marks the migrations as generated code.
COPY .editorconfig Directory.Build.props Directory.Packages.props global.json ./
COPY Core/Sanatorium.Core.csproj Core/
COPY Infrastructure/Sanatorium.Infrastructure.csproj Infrastructure/
COPY Web/Sanatorium.Web.csproj Web/
RUN dotnet restore Web/Sanatorium.Web.csproj
COPY Core/ Core/
COPY Infrastructure/ Infrastructure/
COPY Web/ Web/
RUN dotnet publish Web/Sanatorium.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# Uploaded subscriber lists (Import:Directory); docker-compose.yml mounts a volume both replicas share,
# which takes this folder's owner.
RUN mkdir -p /var/lib/sanatorium/imports && chown "$APP_UID" /var/lib/sanatorium/imports
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
# Liveness: the process answers, whatever its database does (an orchestrator that restarts unhealthy
# containers must not restart every replica over a database outage). docker-compose.yml checks readiness.
HEALTHCHECK CMD curl -fs -o /dev/null http://127.0.0.1:8080/healthz/live || exit 1
ENTRYPOINT ["dotnet", "Sanatorium.Web.dll"]
