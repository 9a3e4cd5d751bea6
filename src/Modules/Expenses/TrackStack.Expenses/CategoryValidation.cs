namespace TrackStack.Expenses;

public sealed record CategoryRequest(string? Name, string? TankKey, int? SortOrder);

internal static class CategoryValidation
{
    public static async Task<(Tank? Tank, FieldErrors Errors)> ValidateAsync(ExpensesDb db, Guid householdId, CategoryRequest request, Guid? self, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        errors.Check(name.Length is >= 1 and <= 60, "name", "Enter a name of 1 to 60 characters.");
        var key = request.TankKey?.Trim().ToLowerInvariant();
        var tank = key is null ? null : await db.Tanks.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (tank is null) errors.Add("tankKey", "Choose one of the household's tanks (e.g. fund, fun, future).");
        if (name.Length > 0)
        {
            var lower = name.ToLower();
            var taken = await db.Categories.AnyAsync(c => c.Id != self && c.Name.ToLower() == lower, ct);
            errors.Check(!taken, "name", "A category with this name already exists.");
        }
        return (tank, errors);
    }
}
