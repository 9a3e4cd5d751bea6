using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Persistence;

public sealed class BulkInsertTests
{
    /// <summary>The prepared-command path must store every column exactly as EF would (GUID text, dates,
    /// enum strings, UTC date-times, nulls), or later EF queries would miss the rows.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bulk_inserted_rows_read_back_through_ef_unchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var household = Guid.NewGuid();
        var now = new DateTime(2026, 11, 21, 10, 30, 15, 123, DateTimeKind.Utc);
        var rows = new List<Entry>
        {
            new() { Id = Guid.NewGuid(), HouseholdId = household, Date = new DateOnly(2026, 11, 2), AmountCents = -1234, Title = "Refund ‘quoted’", CategoryId = Guid.NewGuid(), Note = "n", Tags = "|a|b|", PaidBy = Guid.NewGuid(), Kind = EntryKind.Import, OriginalAmountCents = 999, OriginalCurrency = "USD", BankTransactionId = "FIT-1", DedupKey = null, SourceRef = null, ImportId = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now, CreatedBy = Guid.NewGuid() },
            new() { Id = Guid.NewGuid(), HouseholdId = household, Date = new DateOnly(1999, 1, 31), AmountCents = long.MaxValue / 2, Title = "Nulls", Kind = EntryKind.Manual, DedupKey = "k", CreatedAt = now, UpdatedAt = now },
        };

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
            await using var tx = await expenses.Database.BeginTransactionAsync();
            Assert.Equal(2, await expenses.BulkInsertAsync(rows, CancellationToken.None));
            await tx.CommitAsync();
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(household);
            var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
            var stored = await expenses.Entries.AsNoTracking().Where(e => e.HouseholdId == household && e.Date >= new DateOnly(1999, 1, 1)).OrderBy(e => e.Date).ToListAsync();
            Assert.Equal(2, stored.Count);
            // Every column EF maps (navigations such as a split's parts are not the bulk path's business).
            var columns = expenses.Model.FindEntityType(typeof(Entry))!.GetProperties().Select(p => p.PropertyInfo).OfType<System.Reflection.PropertyInfo>().ToList();
            Assert.Contains(columns, c => c.Name == nameof(Entry.BankTransactionId));
            foreach (var (expected, actual) in rows.OrderBy(r => r.Date).Zip(stored))
            {
                foreach (var property in columns)
                {
                    Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{property.Name}: wrote {property.GetValue(expected)}, read {property.GetValue(actual)}");
                }
                Assert.Equal(DateTimeKind.Utc, actual.CreatedAt.Kind);
            }
            Assert.Single(await expenses.Entries.Where(e => e.Kind == EntryKind.Import && e.BankTransactionId == "FIT-1").ToListAsync());
        }
    }

    [Fact]
    public async Task Bulk_insert_refuses_to_run_outside_a_transaction()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        await using var scope = host.Services.CreateAsyncScope();
        var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => expenses.BulkInsertAsync(new[] { new Entry { Id = Guid.NewGuid(), Title = "x" } }, CancellationToken.None));
    }
}
