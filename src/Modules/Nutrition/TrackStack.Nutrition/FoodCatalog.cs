namespace TrackStack.Nutrition;

/// <summary>Finds foods by API id (built-in, imported from FoodData Central or the household's) and searches them.
/// Built-in and imported candidates come from their full-text indexes (FTS5 on SQLite, GIN tsvector indexes on
/// PostgreSQL), each word as a prefix; the household's foods are few and matched by their words;
/// <see cref="FoodRanking"/> orders the union.</summary>
internal sealed class FoodCatalog(NutritionDb db)
{
    /// <summary>At most this many candidates are ranked (the search SQL has the same limit): enough for the
    /// commonest word ("raw" matches about 1,800 SR28 foods) and bounded for a one-letter query.</summary>
    private const int MaxCandidates = 3000;

    public async Task<Food?> FindAsync(string? id, CancellationToken ct) =>
        (await FindManyAsync(id is null ? [] : [id], ct)).GetValueOrDefault(id ?? "");

    public async Task<Dictionary<string, Food>> FindManyAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var codes = new List<string>();
        var guids = new List<Guid>();
        var fdcIds = new List<long>();
        foreach (var id in ids.Distinct())
        {
            if (FoodId.TryParseImported(id, out var fdcId)) fdcIds.Add(fdcId);
            if (!FoodId.TryParse(id, out var code, out var guid)) continue;
            if (code is not null) codes.Add(code); else guids.Add(guid);
        }
        var found = new Dictionary<string, Food>();
        if (codes.Count > 0)
            foreach (var f in await db.BuiltInFoods.AsNoTracking().Where(f => codes.Contains(f.Code)).ToListAsync(ct)) found[FoodId.OfBuiltIn(f.Code)] = f.ToFood();
        if (fdcIds.Count > 0)
            foreach (var f in await db.ImportedFoods.AsNoTracking().Where(f => fdcIds.Contains(f.FdcId)).ToListAsync(ct)) found[FoodId.OfImported(f.FdcId)] = f.ToFood();
        if (guids.Count > 0)
            foreach (var f in await db.Foods.AsNoTracking().Where(f => guids.Contains(f.Id)).ToListAsync(ct)) found[FoodId.OfHousehold(f.Id)] = f.ToFood();
        return found;
    }

    /// <summary>The member's recently logged foods, newest first (what an empty query and the ranking use).</summary>
    public async Task<List<string>> RecentFoodIdsAsync(Guid userId, CancellationToken ct) =>
        (await db.Diary.AsNoTracking()
            .Where(d => d.UserId == userId && d.FoodId != null)
            .OrderByDescending(d => d.CreatedAt).Select(d => d.FoodId!).Take(200).ToListAsync(ct))
        .Distinct().Take(30).ToList();

    public async Task<IReadOnlyList<(Food Food, bool Recent)>> SearchAsync(string? query, Guid userId, int limit, CancellationToken ct)
    {
        var recent = await RecentFoodIdsAsync(userId, ct);
        var words = FoodRanking.Words(query ?? "");
        if (words.Count == 0)
        {
            var foods = await FindManyAsync(recent, ct);
            return recent.Where(foods.ContainsKey).Take(limit).Select(id => (foods[id], true)).ToList();
        }
        var stems = words.Select(Stem).ToList();
        var candidates = new List<Food>();
        candidates.AddRange((await BuiltInMatchesAsync(stems, ct)).Select(f => f.ToFood()));
        candidates.AddRange((await ImportedMatchesAsync(stems, ct)).Select(f => f.ToFood()));
        var first = stems[0];
        var own = await db.Foods.AsNoTracking().Where(f => f.Name.ToLower().Contains(first)).Take(MaxCandidates).ToListAsync(ct);
        candidates.AddRange(own.Select(f => f.ToFood()).Where(f => MatchesAll(f.Name, stems)));
        return candidates
            .Select(f => (Food: f, Rank: recent.IndexOf(f.Id)))
            .OrderByDescending(x => FoodRanking.Score(x.Food.Name, words, x.Food.Household, x.Rank))
            .ThenBy(x => x.Food.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => (x.Food, x.Rank >= 0))
            .ToList();
    }

    internal static string Stem(string word) => FoodRanking.Stem(word);

    internal static bool MatchesAll(string name, IReadOnlyList<string> stems)
    {
        var nameWords = FoodRanking.Words(name);
        return stems.All(s => nameWords.Any(w => w.StartsWith(s, StringComparison.Ordinal)));
    }

    // The table names are the model's (snake_case; PostgreSQL schema "nutrition"); the match text is a parameter.
    private const string SqliteSearch =
        "SELECT * FROM builtin_foods WHERE rowid IN (SELECT rowid FROM builtin_food_search WHERE builtin_food_search MATCH {0} LIMIT 3000)";
    private const string PostgresSearch =
        "SELECT * FROM nutrition.builtin_foods WHERE to_tsvector('simple', name) @@ to_tsquery('simple', {0}) LIMIT 3000";

    // An export holds hundreds of thousands of foods, and a common word ("chicken", a prefix like "bro") matches tens
    // of thousands: only the 300 shortest names are ranked (fewer qualifiers, the generic foods FoodRanking puts
    // first), which bounds the rows read and ranked per search. On SQLite the index's rowid is (name length << 32) |
    // fdc_id (migration 0003), so the shortest come first out of the index itself.
    private const string SqliteImportedSearch =
        "SELECT * FROM imported_foods WHERE fdc_id IN (SELECT rowid & 4294967295 FROM imported_food_search WHERE imported_food_search MATCH {0} ORDER BY rowid LIMIT 300)";
    private const string PostgresImportedSearch =
        "SELECT * FROM nutrition.imported_foods WHERE to_tsvector('simple', name) @@ to_tsquery('simple', {0}) ORDER BY length(name) LIMIT 300";

    private async Task<List<ImportedFood>> ImportedMatchesAsync(IReadOnlyList<string> stems, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            return await db.ImportedFoods.FromSqlRaw(SqliteImportedSearch, SqliteMatch(stems)).AsNoTracking().ToListAsync(ct);
        return await db.ImportedFoods.FromSqlRaw(PostgresImportedSearch, TsQuery(stems)).AsNoTracking().ToListAsync(ct);
    }

    // Each word a quoted prefix term, all required: "egg"* "noodl"*
    private static string SqliteMatch(IReadOnlyList<string> stems) => string.Join(' ', stems.Select(s => $"\"{s}\"*"));

    private static string TsQuery(IReadOnlyList<string> stems) => string.Join(" & ", stems.Select(s => s + ":*"));

    private async Task<List<BuiltInFood>> BuiltInMatchesAsync(IReadOnlyList<string> stems, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            return await db.BuiltInFoods.FromSqlRaw(SqliteSearch, SqliteMatch(stems)).AsNoTracking().ToListAsync(ct);
        return await db.BuiltInFoods.FromSqlRaw(PostgresSearch, TsQuery(stems)).AsNoTracking().ToListAsync(ct);
    }
}
