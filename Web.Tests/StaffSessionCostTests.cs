using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// What checking the staff session on every request costs, counted in the SQL the site sends:
/// nothing for an anonymous visitor, one look-up of the account for a member of staff.
/// </summary>
public sealed class StaffSessionCostTests(StaffSessionCostTests.SiteWithSqlLog site) : IClassFixture<StaffSessionCostTests.SiteWithSqlLog>
{
    /// <summary>The site, with the SQL commands it sends to the accounts table kept for the test to count.</summary>
    public sealed class SiteWithSqlLog : SiteFactory
    {
        private readonly AccountQueryLog log = new();

        /// <summary>The commands on the accounts table sent while <paramref name="action"/> ran (tests of a class run one at a time).</summary>
        public async Task<int> AccountQueriesDuringAsync(Func<Task> action)
        {
            log.Queries.Clear();
            await action();
            return log.Queries.Count;
        }

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(log));
        }
    }

    /// <summary>Keeps the logged SQL commands that read or write AspNetUsers.</summary>
    private sealed class AccountQueryLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Queries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains("\"AspNetUsers\""))
            {
                Queries.Enqueue(message);
            }
        }

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/treatments/lumbar-pain-syndrome")]
    public async Task An_anonymous_visitor_costs_no_query_on_staff_accounts(string path)
    {
        var visitor = site.CreateVisitor();

        Assert.Equal(0, await site.AccountQueriesDuringAsync(() => visitor.GetAsync(path)));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/me")]
    public async Task A_back_office_page_costs_one_look_up_of_the_account(string path)
    {
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("cost"), Roles.Editor));

        Assert.Equal(1, await site.AccountQueriesDuringAsync(() => client.GetAsync(path)));
    }
}
