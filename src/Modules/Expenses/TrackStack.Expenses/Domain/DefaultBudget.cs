using System.Security.Cryptography;
using System.Text;

namespace TrackStack.Expenses.Domain;

/// <summary>What a new household starts with: the author's 60/20/20 split into Fund, Fun and Future. The default
/// rows have ids derived from the household and their key, so a read before the household is set up can show the
/// very rows (and ids) the first write will store, without writing anything itself.</summary>
internal static class DefaultBudget
{
    public const string HeatingCategory = "Heating";

    public static readonly (string Key, string Name, decimal Ratio, string[] Categories)[] Tanks =
    [
        ("fund", "Fund", 60m, ["Housing", "Utilities", HeatingCategory, "Groceries", "Insurance", "Transport", "Health", "Phone & internet"]),
        ("fun", "Fun", 20m, ["Restaurants", "Entertainment", "Hobbies", "Travel", "Shopping", "Gifts"]),
        ("future", "Future", 20m, ["Savings", "Investments", "Pension", "Emergency fund"]),
    ];

    /// <summary>The settings, tanks and categories of a household that has not changed anything yet.</summary>
    public static (ExpenseSettings Settings, List<Tank> Tanks, List<Category> Categories) For(Guid householdId, DateTime now)
    {
        var settings = new ExpenseSettings { HouseholdId = householdId, MonthlyIncomeCents = 0, UpdatedAt = now };
        var tanks = new List<Tank>();
        var categories = new List<Category>();
        var order = 0;
        foreach (var (key, name, ratio, names) in Tanks)
        {
            var tank = new Tank { Id = StableId(householdId, "tank:" + key), HouseholdId = householdId, Key = key, Name = name, RatioPercent = ratio, SortOrder = order++ };
            tanks.Add(tank);
            categories.AddRange(names.Select((category, position) => new Category
            {
                Id = StableId(householdId, "category:" + category),
                HouseholdId = householdId,
                TankId = tank.Id,
                Name = category,
                SortOrder = position,
            }));
        }
        return (settings, tanks, categories);
    }

    /// <summary>A UUID (version 8, RFC 9562) from a hash of the household and a name: the same inputs always give
    /// the same id, different households never share one.</summary>
    private static Guid StableId(Guid householdId, string name)
    {
        var hash = SHA256.HashData([.. householdId.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
