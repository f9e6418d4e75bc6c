# The site's image: built from source, runs as the unprivileged app user on port 8080.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json ./
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
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK CMD curl -fs http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Sanatorium.Web.dll"]
