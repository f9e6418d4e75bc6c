using System.ComponentModel;
using System.Diagnostics;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// docker-compose.yml as `docker-compose config` reads it (no Docker engine is needed for that): it
/// refuses to run without its secrets, production (the file alone) has no mail catcher and a local
/// trial (with docker-compose.override.yml) has one, and the database is migrated once before the
/// replicas start.
/// </summary>
public sealed class ComposeTests
{
    private static readonly Dictionary<string, string> Required = new()
    {
        ["POSTGRES_PASSWORD"] = "database-secret",
        ["ADMIN_PASSWORD"] = "Admin-Secret-2026",
        ["SITE_BASE_URL"] = "https://staraya-russa.example",
        ["SITE_ADDRESS"] = "staraya-russa.example",
        ["SMTP_HOST"] = "smtp.staraya-russa.example",
        ["SMTP_FROM_ADDRESS"] = "promo@staraya-russa.example",
    };

    [Fact]
    public async Task Production_and_the_local_trial_parse_with_their_settings_and_only_the_trial_has_the_mail_catcher()
    {
        var production = await ComposeAsync(Required, "-f", "docker-compose.yml", "config", "--services");
        var trial = await ComposeAsync(Required, "config", "--services");

        Assert.True(production.ExitCode == 0, production.Error);
        Assert.True(trial.ExitCode == 0, trial.Error);
        Assert.Equal(["migrate", "postgres", "proxy", "web1", "web2"], Services(production.Output));
        Assert.Equal(["mail", "migrate", "postgres", "proxy", "web1", "web2"], Services(trial.Output));
    }

    [Theory]
    [InlineData("ADMIN_PASSWORD")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("SITE_BASE_URL")]
    [InlineData("SMTP_HOST")]
    public async Task Without_a_secret_or_the_sites_address_compose_refuses_naming_it(string missing)
    {
        foreach (var files in new[] { new[] { "-f", "docker-compose.yml" }, [] })
        {
            var (exitCode, _, error) = await ComposeAsync(Required.Where(v => v.Key != missing).ToDictionary(), [.. files, "config", "-q"]);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("set " + missing, error);
        }
    }

    [Fact]
    public async Task The_replicas_start_after_migrate_has_finished_and_do_not_migrate_themselves()
    {
        var (exitCode, output, error) = await ComposeAsync(Required, "-f", "docker-compose.yml", "config");

        Assert.True(exitCode == 0, error);
        Assert.Contains("- migrate", Block(output, "migrate"));
        foreach (var web in new[] { "web1", "web2" })
        {
            var block = Block(output, web);
            Assert.Matches(@"depends_on:\s+migrate:\s+condition: service_completed_successfully", Block(block, "depends_on", 4));
            Assert.Matches(@"Database__MigrateOnStartup: ['""]?false", block);
            Assert.Contains("/healthz", block);
        }

        Assert.Matches(@"web1:\s+condition: service_healthy", Block(output, "proxy"));
        Assert.Matches(@"web2:\s+condition: service_healthy", Block(output, "proxy"));
    }

    /// <summary>docker-compose (the apt package; .ci/run installs it) in the repository's root, with only <paramref name="variables"/> set (no .env file).</summary>
    private static async Task<(int ExitCode, string Output, string Error)> ComposeAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var noEnvFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("docker-compose", ["--env-file", noEnvFile, .. args])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in Required.Keys.Concat(start.Environment.Keys.Where(k => k.StartsWith("SMTP_", StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            return (process.ExitCode, await output, await error);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("docker-compose is not installed: `apt-get install -y docker-compose` (.ci/run does).", e);
        }
        finally
        {
            File.Delete(noEnvFile);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "docker-compose.yml")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("No docker-compose.yml above " + AppContext.BaseDirectory);
        }

        return directory.FullName;
    }

    private static string[] Services(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];

    /// <summary>The lines under <c>name:</c> at <paramref name="indent"/> spaces (a service is at 2), up to the next key at that depth or less.</summary>
    private static string Block(string yaml, string name, int indent = 2)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, line => line == new string(' ', indent) + name + ":" || line.StartsWith(new string(' ', indent) + name + ":", StringComparison.Ordinal));
        Assert.True(start >= 0, $"No {name} in:\n{yaml}");
        var block = lines.Skip(start + 1).TakeWhile(line => line.Length == 0 || line.TakeWhile(c => c == ' ').Count() > indent || line.TrimStart().StartsWith('-'));
        return name + ":\n" + string.Join('\n', block);
    }
}
