using TrackStack.Expenses.Domain;

namespace TrackStack.UnitTests.Expenses;

public sealed class CategorisationTests
{
    private static readonly Guid Groceries = Guid.NewGuid(), Energy = Guid.NewGuid(), Phone = Guid.NewGuid();

    [Fact]
    public void The_first_matching_rule_by_priority_wins()
    {
        var c = new Categoriser([
            new CategoryRule { Field = RuleField.Payee, Match = RuleMatch.Contains, Pattern = "delhaize", CategoryId = Groceries, Priority = 10 },
            new CategoryRule { Field = RuleField.Any, Match = RuleMatch.Regex, Pattern = @"stadtwerke|strom", CategoryId = Energy, Priority = 20 },
            new CategoryRule { Field = RuleField.Memo, Match = RuleMatch.Contains, Pattern = "TELEFON", CategoryId = Phone, Priority = 5 },
        ]);
        Assert.Equal(Groceries, c.CategoryFor("DELHAIZE BRUSSELS", null));
        Assert.Equal(Energy, c.CategoryFor("SDD Lastschr", "STROMKOSTEN, STADTWERKE MUSTERSTADT"));
        Assert.Equal(Phone, c.CategoryFor("Delhaize", "telefon ag")); // memo rule has the higher priority
        Assert.Null(c.CategoryFor("Bakery", "bread"));
    }

    [Fact]
    public void Invalid_regexes_are_explained()
    {
        Assert.Contains("not a valid regular expression", Categoriser.CheckPattern(RuleMatch.Regex, "(unclosed"));
        Assert.Null(Categoriser.CheckPattern(RuleMatch.Contains, "(literal"));
        Assert.NotNull(Categoriser.CheckPattern(RuleMatch.Contains, " "));
    }

    [Fact]
    public void Dedup_keys_ignore_case_and_punctuation_and_count_repeats()
    {
        var d = new DateOnly(2026, 11, 2);
        Assert.Equal(Dedup.Key(d, 350, "Café  Central!", 1), Dedup.Key(d, 350, "CAFÉ CENTRAL", 1));
        Assert.NotEqual(Dedup.Key(d, 350, "Cafe", 1), Dedup.Key(d, 350, "Cafe", 2));
        Assert.NotEqual(Dedup.Key(d, 350, "Cafe", 1), Dedup.Key(d, 351, "Cafe", 1));
    }
}
