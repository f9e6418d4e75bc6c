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

    /// <summary>The newsletter form in every public page's footer: submissions per client address.</summary>
    public const string Newsletter = "newsletter";

    /// <summary>Subscriptions per minute and address; <c>RateLimits:NewsletterPostsPerMinute</c> overrides it.</summary>
    public const int NewsletterPostsPerMinute = 5;

    /// <summary>The enquiry form ("ask about a stay"): submissions per client address.</summary>
    public const string Enquiry = "enquiry";

    /// <summary>Enquiries per minute and address; <c>RateLimits:EnquiryPostsPerMinute</c> overrides it.</summary>
    public const int EnquiryPostsPerMinute = 5;

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Login, PostsPerMinute(configuration.GetValue("RateLimits:LoginAttemptsPerMinute", LoginAttemptsPerMinute)));
        options.AddPolicy(Newsletter, PostsPerMinute(configuration.GetValue("RateLimits:NewsletterPostsPerMinute", NewsletterPostsPerMinute)));
        options.AddPolicy(Enquiry, PostsPerMinute(configuration.GetValue("RateLimits:EnquiryPostsPerMinute", EnquiryPostsPerMinute)));
    }

    private static Func<HttpContext, RateLimitPartition<string>> PostsPerMinute(int permitted) =>
        context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("read");
}
