using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>The built-in rate limiter's policies; pages opt in with [EnableRateLimiting(name)].</summary>
public static class RateLimits
{
    /// <summary>Login, password reset and second-factor forms: submissions per client address (reading the form is free).</summary>
    public const string Login = "login";

    /// <summary>Submissions per minute and address; <c>RateLimits:LoginAttemptsPerMinute</c> overrides it.</summary>
    public const int LoginAttemptsPerMinute = 10;

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var permitted = configuration.GetValue("RateLimits:LoginAttemptsPerMinute", LoginAttemptsPerMinute);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Login, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("read"));
    }
}
