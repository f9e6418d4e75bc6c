using Microsoft.Extensions.DependencyInjection;

namespace Sanatorium.Infrastructure.Subscribers;

public static class SubscriptionsSetup
{
    /// <summary>The double opt-in (<see cref="Subscriptions"/>), its signed links and the newsletter headers, with <c>Newsletter:*</c> validated at start.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<SubscriptionHeaders>();
        services.AddScoped<Subscriptions>();
        return services;
    }
}
