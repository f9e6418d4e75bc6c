using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sanatorium.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the site; no database is contacted.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SanatoriumDbContext>
{
    public SanatoriumDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SanatoriumDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Sanatorium")
                       ?? "Host=127.0.0.1;Database=sanatorium_design")
            .Options);
}
