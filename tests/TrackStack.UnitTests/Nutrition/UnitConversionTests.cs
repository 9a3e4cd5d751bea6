using TrackStack.Nutrition.Domain;

namespace TrackStack.UnitTests.Nutrition;

public sealed class UnitConversionTests
{
    // SR28 weights (WEIGHT.txt): milk 01077 and all-purpose flour 20081.
    private static readonly FoodUnit[] Milk = [new("cup", 244), new("fl oz", 30.5), new("tbsp", 15), new("quart", 976)];
    private static readonly FoodUnit[] Flour = [new("cup", 125)];
    private static readonly FoodUnit[] Egg = [new("large", 50), new("extra large", 56), new("cup (4.86 large eggs)", 243), new("medium", 44)];
    private static readonly FoodUnit[] Garlic = [new("tsp", 2.8), new("clove", 3)];

    [Fact]
    public void Mass_converts_by_definition()
    {
        Assert.Equal(1000, UnitConversion.ToGrams(1, Measure.Kilogram, [])!.Value, 9);
        Assert.Equal(28.349523125, UnitConversion.ToGrams(1, Measure.Ounce, [])!.Value, 9);
        Assert.Equal(453.59237, UnitConversion.ToGrams(1, Measure.Pound, [])!.Value, 9);
    }

    [Fact]
    public void Volume_needs_the_foods_density()
    {
        Assert.Equal(244, UnitConversion.ToGrams(1, Measure.Cup, Milk)!.Value, 6);
        Assert.Equal(122, UnitConversion.ToGrams(0.5, Measure.Cup, Milk)!.Value, 6);
        // 250 ml metric cup of flour: 125 g per US cup of 236.588 ml.
        Assert.Equal(125 * 250 / Measure.UsCupMl, UnitConversion.ToGrams(1, Measure.MetricCup, Flour)!.Value, 6);
        Assert.Equal(125 / Measure.UsCupMl * 1000, UnitConversion.ToGrams(1, Measure.Litre, Flour)!.Value, 6);
        // No volume unit, no density: never a guess (not water's 1 g/ml).
        Assert.Null(UnitConversion.ToGrams(1, Measure.Cup, [new FoodUnit("large", 50)]));
        Assert.Null(UnitConversion.ToGrams(100, Measure.Millilitre, []));
    }

    [Fact]
    public void Portions_and_counts_use_the_foods_units()
    {
        Assert.Equal(100, UnitConversion.ToGrams(2, Measure.Portion("large"), Egg)!.Value);
        Assert.Equal(88, UnitConversion.ToGrams(2, null, Egg)!.Value); // a bare count: the medium one
        Assert.Equal(7.5, UnitConversion.ToGrams(2.5, Measure.Portion("clove"), Garlic)!.Value, 9);
        Assert.Null(UnitConversion.ToGrams(1, Measure.Portion("slice"), Egg));
        Assert.Null(UnitConversion.ToGrams(1, null, Flour)); // a count of flour has no weight
        Assert.Equal(243 / Measure.UsCupMl, UnitConversion.GramsPerMl(Egg)!.Value, 9);
    }

    [Fact]
    public void Atwater_warns_only_beyond_15_percent()
    {
        // 4·10 + 4·20 + 9·10 = 210 kcal.
        Assert.Null(Atwater.Warning(new Nutrients(210, 10, 10, null, 20, null, null, null, null)));
        Assert.Null(Atwater.Warning(new Nutrients(240, 10, 10, null, 20, null, null, null, null)));
        Assert.NotNull(Atwater.Warning(new Nutrients(300, 10, 10, null, 20, null, null, null, null)));
        Assert.NotNull(Atwater.Warning(new Nutrients(100, 10, 10, null, 20, null, null, null, null)));
        // 7 kcal per gram of alcohol: a beer's 43 kcal with 3.9 g alcohol and 3.6 g carbohydrate is fine.
        Assert.Null(Atwater.Warning(new Nutrients(43, 0.5, 0, null, 3.6, null, null, null, 3.9)));
        Assert.Null(Atwater.Warning(new Nutrients(43, null, null, null, null, null, null, null, null)));
    }

    [Fact]
    public void Generic_foods_rank_above_compound_ones()
    {
        var words = new[] { "egg" };
        var names = new[] { "Noodles, egg, dry, enriched", "Egg, whole, raw, fresh", "Eggnog", "Egg noodles, cooked", "Egg substitute, powder" };
        var ranked = names.OrderByDescending(n => FoodRanking.Score(n, words, false, -1)).ToList();
        Assert.Equal("Egg, whole, raw, fresh", ranked[0]);
        Assert.True(ranked.IndexOf("Egg, whole, raw, fresh") < ranked.IndexOf("Egg noodles, cooked"));
        // The household's own and recent foods come first.
        Assert.True(FoodRanking.Score("Noodles, egg", words, true, -1) > FoodRanking.Score("Egg, whole, raw, fresh", words, false, -1));
        Assert.True(FoodRanking.Score("Eggnog", words, false, 0) > FoodRanking.Score("Egg, whole, raw, fresh", words, false, -1));
    }

    [Fact]
    public void The_last_word_of_a_query_names_the_food_as_the_first_part_of_a_name_does()
    {
        // "brown sugar" is SR28's "Sugars, brown", not a baked-beans product with the words in that order.
        string[] words = ["brown", "sugar"];
        var names = new[] { "Campbell's Brown Sugar And Bacon Flavored Baked Beans", "Sugars, brown", "Candies, brown sugar fudge" };
        Assert.Equal("Sugars, brown", names.MaxBy(n => FoodRanking.Score(n, words, false, -1)));
    }

    [Fact]
    public void Milk_is_cows_milk_unless_another_animal_is_typed()
    {
        var names = new[] { "Milk, sheep, fluid", "Milk, goat, fluid, with added vitamin D", "Milk, whole, 3.25% milkfat, with added vitamin D" };
        Assert.Equal("Milk, whole, 3.25% milkfat, with added vitamin D", names.MaxBy(n => FoodRanking.Score(n, ["milk"], false, -1)));
        Assert.Equal("Milk, goat, fluid, with added vitamin D", names.MaxBy(n => FoodRanking.Score(n, ["goat", "milk"], false, -1)));
    }
}
