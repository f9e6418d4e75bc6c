using System.Diagnostics;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>The site's own program, started as an operator starts it: <c>dotnet Sanatorium.Web.dll [args]</c>.</summary>
public static class SiteProcess
{
    /// <summary>Runs it with <paramref name="environment"/> until it exits (killed after two minutes) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sanatorium.Web.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The site was still running after two minutes: " + await output + await error);
        }

        return (process.ExitCode, await output + await error);
    }
}
