using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses.Contracts;
using TrackStack.Expenses.Infrastructure;
using TrackStack.IntegrationTests.Expenses;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Metrics.Infrastructure;
using TrackStack.Nutrition.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>The built-in series Metrics keeps from the other modules' events, read through the query API: they
/// follow adds, edits and deletes, personal ones stay their member's, and redelivered or older events change
/// nothing.</summary>
public sealed class BuiltInSeriesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Expenses_spent_follows_an_entry_added_edited_split_and_deleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var expenses = new ExpensesApi(owner, home);
        var (groceries, restaurants) = (await expenses.CategoryAsync("Groceries"), await expenses.CategoryAsync("Restaurants"));
        const string month = "from=2026-11-01&to=2026-12-01";

        var entry = Guid.Parse((await expenses.AddAsync("2026-11-10", 1250, "Market", groceries)).Str("id"));
        await EventuallyAsync(owner, home, $"metric=expenses.spent&{month}&bucket=day&groupBy=category",
            a => Of(a, "Groceries").SequenceEqual([("2026-11-10T00:00:00+00:00", 12.5)]));
        var byTank = await owner.GetJsonAsync($"{Api(home)}/query?metric=expenses.spent&{month}&bucket=month&groupBy=tank");
        Assert.Equal([("2026-11-01T00:00:00+00:00", 12.5)], Of(byTank, "Fund"));

        // Edited: another day, amount and category. The old day and category are empty again, not added to.
        using (var r = await owner.PutAsync($"{expenses.Base}/entries/{entry}", new { date = "2026-11-12", amountCents = 2000, title = "Dinner", categoryId = restaurants }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(owner, home, $"metric=expenses.spent&{month}&bucket=day&groupBy=category",
            a => Series(a).Count == 1 && Of(a, "Restaurants").SequenceEqual([("2026-11-12T00:00:00+00:00", 20.0)]));
        var byTankNow = await owner.GetJsonAsync($"{Api(home)}/query?metric=expenses.spent&{month}&bucket=month&groupBy=tank");
        Assert.Equal([("2026-11-01T00:00:00+00:00", 20.0)], Of(byTankNow, "Fun"));
        Assert.DoesNotContain("Fund", Series(byTankNow));

        // Split: each part counts in its own category, as on the month sheet.
        using (var r = await owner.PutAsync($"{expenses.Base}/entries/{entry}", new
        {
            date = "2026-11-12", amountCents = 3000, title = "Shop and eat",
            parts = new[] { new { categoryId = groceries, amountCents = 1000 }, new { categoryId = restaurants, amountCents = 2000 } },
        }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(owner, home, $"metric=expenses.spent&{month}&bucket=month&groupBy=category",
            a => Of(a, "Groceries").SequenceEqual([("2026-11-01T00:00:00+00:00", 10.0)]) && Of(a, "Restaurants").SequenceEqual([("2026-11-01T00:00:00+00:00", 20.0)]));

        // Money in from an entry is expenses.refunds, a positive figure; spending and refunds are apart.
        await expenses.AddAsync("2026-11-20", -500, "Refund", groceries);
        await EventuallyAsync(owner, home, $"metric=expenses.refunds&{month}&bucket=month",
            a => Points(a).SequenceEqual([("2026-11-01T00:00:00+00:00", 5.0)]));

        using (var r = await owner.DeleteAsync($"{expenses.Base}/entries/{entry}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await EventuallyAsync(owner, home, $"metric=expenses.spent&{month}&bucket=day", a => Points(a).Count == 0);
        var minutes = await owner.GetJsonAsync($"{Api(home)}/query?metric=expenses.spent&from=2026-11-12&to=2026-11-13&bucket=minute");
        Assert.Empty(Points(minutes));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            var spent = await metrics.Series.Where(s => s.Metric == "expenses.spent").Select(s => s.Id).ToListAsync();
            Assert.Equal(0, await metrics.Rollups.CountAsync(r => spent.Contains(r.SeriesId)));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Expenses_income_is_each_opened_months_income_as_its_sheet_budgets_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var expenses = new ExpensesApi(owner, home);
        using (var r = await owner.PutAsync($"{expenses.Base}/settings", new { monthlyIncomeCents = 320000 })) await r.ExpectAsync(HttpStatusCode.OK);
        const string autumn = "from=2026-10-01&to=2026-12-01";

        // A month opens on its first entry and takes the budget's income; a month never opened has no figure.
        await expenses.AddAsync("2026-11-03", 1250, "Market");
        await EventuallyAsync(owner, home, $"metric=expenses.income&{autumn}&bucket=month",
            a => Points(a).SequenceEqual([("2026-11-01T00:00:00+00:00", 3200.0)]));

        // That month's own income replaces it; the budget's income changing later leaves an opened month alone.
        using (var r = await owner.PutAsync($"{expenses.Base}/months/2026-11/income", new { incomeCents = 350050 })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.PutAsync($"{expenses.Base}/settings", new { monthlyIncomeCents = 100000 })) await r.ExpectAsync(HttpStatusCode.OK);
        await expenses.AddAsync("2026-10-15", 800, "Bakery");
        await EventuallyAsync(owner, home, $"metric=expenses.income&{autumn}&bucket=month",
            a => Points(a).SequenceEqual([("2026-10-01T00:00:00+00:00", 1000.0), ("2026-11-01T00:00:00+00:00", 3500.5)]));
        var sheet = await expenses.MonthAsync("2026-11");
        Assert.Equal(350050, ExpensesApi.Cents(sheet, "incomeCents"));

        // Setting the same income again publishes nothing new (the version stays), and spending is not income.
        using (var r = await owner.PutAsync($"{expenses.Base}/months/2026-11/income", new { incomeCents = 350050 })) await r.ExpectAsync(HttpStatusCode.OK);
        var spent = await owner.GetJsonAsync($"{Api(home)}/query?metric=expenses.spent&{autumn}&bucket=month");
        Assert.Equal([("2026-10-01T00:00:00+00:00", 8.0), ("2026-11-01T00:00:00+00:00", 12.5)], Points(spent));
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
        var sources = await scope.ServiceProvider.GetRequiredService<MetricsDb>().BuiltInSources
            .Where(s => s.SourceKey.StartsWith("expenses.month:")).OrderBy(s => s.SourceKey).Select(s => new { s.SourceKey, s.Version }).ToListAsync();
        Assert.Equal([("expenses.month:2026-10", 1L), ("expenses.month:2026-11", 2L)], sources.Select(s => (s.SourceKey, s.Version)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upgrading_moves_old_refund_series_to_expenses_refunds_and_income_gets_its_own(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Guid home;
        await using (var before = await TestHost.StartAsync(db))
        {
            var (owner, _) = await Accounts.RegisterAsync(before, "owner@example.org");
            home = await HouseholdAsync(owner, "Home");
            var expenses = new ExpensesApi(owner, home);
            // An uncategorised refund: no tags, so its series under the old name had the very id income derives now.
            await expenses.AddAsync("2026-11-20", -500, "Refund");
            await EventuallyAsync(owner, home, "metric=expenses.refunds&from=2026-11-01&to=2026-12-01&bucket=month", a => Points(a).Count == 1);

            // Back to how the previous version stored it: the series named expenses.income under that name's id,
            // and Metrics' migration 0003 not applied yet.
            await using var scope = before.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            var series = await metrics.Series.AsNoTracking().SingleAsync(x => x.Metric == "expenses.refunds");
            var oldId = TrackStack.Metrics.Domain.SeriesKey.Id(home, series.ProductId, "expenses.income", series.Tags);
            // The module's tables: in the "metrics" schema on PostgreSQL, the module's own file on SQLite.
            string Sql(string text) => text.Replace("@.", db.IsPostgres ? "metrics." : "", StringComparison.Ordinal);
            // (The previous version kept no month income: the month's opening figure goes.)
            await metrics.Database.ExecuteSqlRawAsync(Sql("DELETE FROM @.builtin_points WHERE series_id = {0}"), oldId);
            await metrics.Database.ExecuteSqlRawAsync(Sql("DELETE FROM @.rollups WHERE series_id = {0}"), oldId);
            await metrics.Database.ExecuteSqlRawAsync(Sql("DELETE FROM @.series WHERE id = {0}"), oldId);
            await metrics.Database.ExecuteSqlRawAsync(Sql("DELETE FROM @.builtin_sources WHERE source_key LIKE 'expenses.month:%'"));
            await metrics.Database.ExecuteSqlRawAsync(Sql("UPDATE @.builtin_points SET series_id = {0} WHERE series_id = {1}"), oldId, series.Id);
            await metrics.Database.ExecuteSqlRawAsync(Sql("UPDATE @.rollups SET series_id = {0} WHERE series_id = {1}"), oldId, series.Id);
            await metrics.Database.ExecuteSqlRawAsync(Sql("UPDATE @.series SET id = {0}, metric = 'expenses.income' WHERE id = {1}"), oldId, series.Id);
            await metrics.Database.ExecuteSqlRawAsync(Sql("DELETE FROM @.__trackstack_migrations WHERE version = 3"));
        }

        await using var after = await TestHost.StartAsync(db);
        var client = await Accounts.LoginAsync(after, "owner@example.org");
        var sheet = new ExpensesApi(client, home);
        using (var r = await client.PutAsync($"{sheet.Base}/months/2026-11/income", new { incomeCents = 250000 })) await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(client, home, "metric=expenses.income&from=2026-11-01&to=2026-12-01&bucket=month",
            a => Points(a).SequenceEqual([("2026-11-01T00:00:00+00:00", 2500.0)]));
        var refunds = await client.GetJsonAsync($"{Api(home)}/query?metric=expenses.refunds&from=2026-11-01&to=2026-12-01&bucket=month");
        Assert.Equal([("2026-11-01T00:00:00+00:00", 5.0)], Points(refunds));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_household_product_is_built_in_undeletable_and_keyless(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var expenses = new ExpensesApi(owner, home);
        await expenses.AddAsync("2026-11-10", 1250, "Market", await expenses.CategoryAsync("Groceries"));
        await EventuallyAsync(owner, home, "metric=expenses.spent&from=2026-11-01&to=2026-12-01&bucket=month", a => Points(a).Count == 1);

        var products = (await owner.GetJsonAsync($"{Api(home)}/products"))["items"]!.AsArray();
        var household = products.Single()!;
        Assert.Equal(("Household", true), (household.Str("name"), household["builtIn"]!.GetValue<bool>()));
        var id = household.Str("id");
        using (var r = await owner.DeleteAsync($"{Api(home)}/products/{id}"))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.Conflict);
            Assert.Contains("cannot be deleted", problem.Str("detail"), StringComparison.Ordinal);
        }
        using (var r = await owner.PostAsync($"{Api(home)}/products/{id}/keys", new { name = "script", scopes = new[] { "ingest", "read" } }))
            await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await owner.PutAsync($"{Api(home)}/products/{id}", new { name = "Mine" })) await r.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await owner.GetJsonAsync($"{Api(home)}/products"))["total"]!.GetValue<int>());

        // Its series sit beside the household's own products' series in one query and listing.
        var names = (await owner.GetJsonAsync($"{Api(home)}/metrics")).AsArray().Select(m => m.Str("metric"));
        Assert.Contains("expenses.spent", names);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_members_nutrition_and_training_series_are_theirs_alone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var home = await HouseholdAsync(alice, "Home");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        var nutrition = $"/api/households/{home}/nutrition";
        var day = "2026-11-20";
        var range = "from=2026-11-16&to=2026-11-23";

        var breakfast = (await Nutrition.NutritionApi.PostOkAsync(alice, $"{nutrition}/log", new { date = day, meal = "breakfast", label = "Porridge", kcal = 500, protein = 20 })).Str("id");
        await Nutrition.NutritionApi.PostOkAsync(alice, $"{nutrition}/log", new { date = day, meal = "dinner", label = "Pasta", kcal = 800, protein = 30 });
        await Nutrition.NutritionApi.PostOkAsync(bob, $"{nutrition}/log", new { date = day, meal = "dinner", label = "Soup", kcal = 300, protein = 10 });
        // A day's entries make that day's total: one observation, so avg over a week averages day totals.
        await EventuallyAsync(alice, home, $"metric=nutrition.kcal&{range}&bucket=week&agg=sum",
            a => Points(a).SequenceEqual([("2026-11-16T00:00:00+00:00", 1300.0)]));
        var avg = await alice.GetJsonAsync($"{Api(home)}/query?metric=nutrition.kcal&{range}&bucket=week&agg=avg");
        Assert.Equal(1300.0, Points(avg).Single().Value);
        var protein = await alice.GetJsonAsync($"{Api(home)}/query?metric=nutrition.protein&{range}&bucket=day");
        Assert.Equal([("2026-11-20T00:00:00+00:00", 50.0)], Points(protein));
        await EventuallyAsync(bob, home, $"metric=nutrition.kcal&{range}&bucket=week", a => Points(a).SequenceEqual([("2026-11-16T00:00:00+00:00", 300.0)]));

        // Neither sees the other's; the listings do not name them either.
        var aliceTags = (await alice.GetJsonAsync($"{Api(home)}/metrics")).AsArray().Single(m => m.Str("metric") == "nutrition.kcal")!;
        Assert.Equal(1, aliceTags["series"]!.GetValue<int>());

        // A key with the read scope reads its own product only, never a member's series.
        var product = await ProductAsync(alice, home, "Sensors");
        var (_, key) = await KeyAsync(alice, home, product, "ingest", "read");
        using var http = KeyClient(host);
        var byKey = await KeyGetAsync(http, key, $"/api/metrics/query?metric=nutrition.kcal&{range}&bucket=day").ReadAsync(HttpStatusCode.OK);
        Assert.Empty(Points(byKey));

        // Deleting an entry takes it out of the day total.
        using (var r = await alice.DeleteAsync($"{nutrition}/log/{breakfast}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await EventuallyAsync(alice, home, $"metric=nutrition.kcal&{range}&bucket=day", a => Points(a).SequenceEqual([("2026-11-20T00:00:00+00:00", 800.0)]));

        // Training: volume (kg × reps, warm-ups aside) and one session per workout, at its start; corrected and deleted.
        var training = $"/api/households/{home}/training";
        var bench = Training.TrainingApi.Exercise("Bench Press (Barbell)");
        var workout = new
        {
            name = "Push", startedAt = "2026-11-20T07:00:00Z", endedAt = "2026-11-20T08:00:00Z",
            sets = new[] { new { exerciseId = bench, weightKg = 40.0, reps = 10, kind = "warmUp" }, new { exerciseId = bench, weightKg = 80.0, reps = 5, kind = "working" } },
        };
        var logged = await Nutrition.NutritionApi.PostOkAsync(alice, $"{training}/workouts", workout);
        await EventuallyAsync(alice, home, $"metric=training.volume&{range}&bucket=day", a => Points(a).SequenceEqual([("2026-11-20T00:00:00+00:00", 400.0)]));
        var sessions = await alice.GetJsonAsync($"{Api(home)}/query?metric=training.sessions&{range}&bucket=week");
        Assert.Equal([("2026-11-16T00:00:00+00:00", 1.0)], Points(sessions));
        var bobs = await bob.GetJsonAsync($"{Api(home)}/query?metric=training.volume&{range}&bucket=day");
        Assert.Empty(Points(bobs));
        Assert.DoesNotContain("training.volume", (await bob.GetJsonAsync($"{Api(home)}/metrics")).AsArray().Select(m => m.Str("metric")));
        var byKeyVolume = await KeyGetAsync(http, key, $"/api/metrics/query?metric=training.volume&{range}&bucket=day").ReadAsync(HttpStatusCode.OK);
        Assert.Empty(Points(byKeyVolume));

        using (var r = await alice.PutAsync($"{training}/workouts/{logged.Str("id")}", new
        {
            workout.name, startedAt = "2026-11-21T07:00:00Z", endedAt = "2026-11-21T08:00:00Z",
            sets = new[] { new { exerciseId = bench, weightKg = 90.0, reps = 5, kind = "working" } },
        }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(alice, home, $"metric=training.volume&{range}&bucket=day", a => Points(a).SequenceEqual([("2026-11-21T00:00:00+00:00", 450.0)]));
        using (var r = await alice.DeleteAsync($"{training}/workouts/{logged.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await EventuallyAsync(alice, home, $"metric=training.sessions&{range}&bucket=day", a => Points(a).Count == 0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Heating_units_kwh_and_degree_days_follow_refills_temperatures_and_settings(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var heating = $"/api/households/{home}/heating";
        const string range = "from=2026-11-09&to=2026-11-13&bucket=day";

        // The defaults: wood pellets in 15 kg bags at 4.8 kWh/kg (72 kWh a bag), base 15.5 °C.
        var refill = (await Nutrition.NutritionApi.PostOkAsync(owner, $"{heating}/refills", new { date = "2026-11-10", quantity = 2 })).Str("id");
        using (var r = await owner.PutAsync($"{heating}/temperatures", new[] { new { date = "2026-11-10", meanC = 5.5 }, new { date = "2026-11-11", meanC = 7.5 } }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(owner, home, $"metric=heating.units&{range}&groupBy=fuel", a => Of(a, "woodPellets").SequenceEqual([("2026-11-10T00:00:00+00:00", 2.0)]));
        await EventuallyAsync(owner, home, $"metric=heating.hdd&{range}", a => Points(a).SequenceEqual([("2026-11-10T00:00:00+00:00", 10.0), ("2026-11-11T00:00:00+00:00", 8.0)]));
        var kwh = await owner.GetJsonAsync($"{Api(home)}/query?metric=heating.kwh&{range}");
        Assert.Equal([("2026-11-10T00:00:00+00:00", 144.0)], Points(kwh));

        using (var r = await owner.PutAsync($"{heating}/refills/{refill}", new { date = "2026-11-11", quantity = 3 })) await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(owner, home, $"metric=heating.kwh&{range}", a => Points(a).SequenceEqual([("2026-11-11T00:00:00+00:00", 216.0)]));

        // The base temperature changes every day's degree days.
        using (var r = await owner.PutAsync($"{heating}/settings", new { fuel = "woodPellets", baseTemperatureC = 18.0 })) await r.ExpectAsync(HttpStatusCode.OK);
        await EventuallyAsync(owner, home, $"metric=heating.hdd&{range}", a => Points(a).SequenceEqual([("2026-11-10T00:00:00+00:00", 12.5), ("2026-11-11T00:00:00+00:00", 10.5)]));

        using (var r = await owner.DeleteAsync($"{heating}/refills/{refill}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await EventuallyAsync(owner, home, $"metric=heating.units&{range}", a => Points(a).Count == 0);
        Assert.Equal(2, Points(await owner.GetJsonAsync($"{Api(home)}/query?metric=heating.hdd&{range}")).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Redelivered_events_rebuild_the_same_figures_and_older_versions_change_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var expenses = new ExpensesApi(owner, home);
        var groceries = await expenses.CategoryAsync("Groceries");
        const string query = "metric=expenses.spent&from=2026-11-01&to=2026-12-01&bucket=day&groupBy=category";

        var market = Guid.Parse((await expenses.AddAsync("2026-11-10", 1250, "Market", groceries)).Str("id"));
        var bakery = Guid.Parse((await expenses.AddAsync("2026-11-10", 350, "Bakery", groceries)).Str("id"));
        await expenses.AddAsync("2026-11-11", 4000, "Cinema", await expenses.CategoryAsync("Entertainment"));
        using (var r = await owner.PutAsync($"{expenses.Base}/entries/{market}", new { date = "2026-11-10", amountCents = 1500, title = "Market", categoryId = groceries }))
            await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.DeleteAsync($"{expenses.Base}/entries/{bakery}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await Nutrition.NutritionApi.PostOkAsync(owner, $"/api/households/{home}/nutrition/log", new { date = "2026-11-10", meal = "lunch", label = "Soup", kcal = 420, protein = 12 });
        await EventuallyAsync(owner, home, query, a => Of(a, "Groceries").SequenceEqual([("2026-11-10T00:00:00+00:00", 15.0)]) && Of(a, "Entertainment").Count == 1);
        await EventuallyAsync(owner, home, "metric=nutrition.kcal&from=2026-11-01&to=2026-12-01&bucket=day", a => Points(a).Count == 1);
        var before = await FiguresAsync(owner, home);

        // Everything Metrics kept is gone; delivering every event again, newest first, builds the same figures.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            await metrics.BuiltInPoints.ExecuteDeleteAsync();
            await metrics.BuiltInSources.ExecuteDeleteAsync();
            await metrics.Rollups.ExecuteDeleteAsync();
            await metrics.Set<InboxMessage>().Where(m => m.Handler.StartsWith("metrics-builtin")).ExecuteDeleteAsync();
        }
        Assert.Empty(Of(await owner.GetJsonAsync($"{Api(home)}/query?{query}"), "Groceries"));
        var outbox = new List<OutboxMessage>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            outbox.AddRange(await scope.ServiceProvider.GetRequiredService<ExpensesDb>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.StartsWith("expenses.")).ToListAsync());
            outbox.AddRange(await scope.ServiceProvider.GetRequiredService<NutritionDb>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.StartsWith("nutrition.meal")).ToListAsync());
        }
        Assert.True(outbox.Count >= 6);
        var transport = host.Services.GetRequiredService<IEventTransport>();
        foreach (var m in outbox.OrderByDescending(m => m.OccurredAt))
            await transport.PublishAsync(new EventEnvelope(m.Id, m.Type, m.Payload, m.OccurredAt, "replay"), CancellationToken.None);
        await EventuallyAsync(owner, home, query, a => Of(a, "Groceries").SequenceEqual([("2026-11-10T00:00:00+00:00", 15.0)]) && Of(a, "Entertainment").Count == 1);
        await EventuallyAsync(owner, home, "metric=nutrition.kcal&from=2026-11-01&to=2026-12-01&bucket=day", a => Points(a).Count == 1);
        Assert.Equal(before, await FiguresAsync(owner, home));

        // An older version of the market entry (another event id, as a late duplicate) is ignored; a newer one applies.
        var stale = new EntryChanged(Guid.NewGuid(), DateTime.UtcNow, home, market, new DateOnly(2026, 11, 10), 99_900, "EUR", EntryKinds.Expense,
            "Fund", "Groceries", [new EntryShare(99_900, "Groceries", "Fund")], Version: 1);
        await transport.PublishAsync(new EventEnvelope(stale.EventId, "expenses.entry-changed.v1", EventSerializer.Serialize(stale), stale.OccurredAt, "test"), CancellationToken.None);
        var newer = stale with { EventId = Guid.NewGuid(), AmountCents = 1700, Shares = [new EntryShare(1700, "Groceries", "Fund")], Version = 3 };
        await Events.EventDeliveryTests.WaitUntilAsync(() => InboxDoneAsync(host, stale.EventId));
        Assert.Equal(before, await FiguresAsync(owner, home));
        await transport.PublishAsync(new EventEnvelope(newer.EventId, "expenses.entry-changed.v1", EventSerializer.Serialize(newer), newer.OccurredAt, "test"), CancellationToken.None);
        await EventuallyAsync(owner, home, query, a => Of(a, "Groceries").SequenceEqual([("2026-11-10T00:00:00+00:00", 17.0)]));
    }

    private static async Task<bool> InboxDoneAsync(TestHost host, Guid eventId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MetricsDb>().Set<InboxMessage>().AnyAsync(m => m.EventId == eventId && m.Status == MessageStatus.Done);
    }

    /// <summary>Every built-in figure the household has, as query answers: what a rebuild must reproduce.</summary>
    private static async Task<string> FiguresAsync(ApiClient client, Guid home)
    {
        var answers = new List<string>();
        foreach (var metric in (string[])["expenses.spent", "expenses.refunds", "expenses.income", "nutrition.kcal", "nutrition.protein"])
        {
            foreach (var bucket in (string[])["minute", "hour", "day", "month"])
            {
                foreach (var agg in (string[])["sum", "count", "min", "max", "last"])
                {
                    var range = bucket == "minute" ? "from=2026-11-10&to=2026-11-12" : "from=2026-11-01&to=2026-12-01";
                    var a = await client.GetJsonAsync($"{Api(home)}/query?metric={metric}&{range}&bucket={bucket}&agg={agg}&groupBy=category");
                    answers.Add(a.ToJsonString());
                }
            }
        }
        return string.Join('\n', answers);
    }

    /// <summary>The points of one group of a query answer, none when the answer has no such group.</summary>
    internal static List<(string Start, double Value)> Of(JsonNode answer, string? group) =>
        Series(answer).Contains(group) ? Points(answer, group) : [];

    internal static List<string?> Series(JsonNode answer) => answer["series"]!.AsArray().Select(s => s!["group"]?.GetValue<string>()).ToList();

    /// <summary>Polls the query until the answer satisfies the condition (the series follow events, asynchronously).</summary>
    internal static async Task EventuallyAsync(ApiClient client, Guid home, string query, Func<JsonNode, bool> condition)
    {
        JsonNode? last = null;
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            last = await client.GetJsonAsync($"{Api(home)}/query?{query}");
            if (condition(last)) return;
            await Task.Delay(50);
        }
        Assert.Fail($"The query {query} never answered as expected; last answer: {last?.ToJsonString()}");
    }
}
