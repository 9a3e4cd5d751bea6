using TrackStack.Nutrition.Domain;

namespace TrackStack.UnitTests.Nutrition;

public sealed class IngredientParserTests
{
    [Theory]
    // text, quantity, quantityMax, unit, grams, food, note
    [InlineData("200 g flour", 200.0, null, "g", 200.0, "flour", null)]
    [InlineData("1 ½ cups (190 g) all-purpose flour", 1.5, null, "cup", 190.0, "all-purpose flour", null)]
    [InlineData("2 tbsp olive oil", 2.0, null, "tbsp", null, "olive oil", null)]
    [InlineData("3 eggs, beaten", 3.0, null, null, null, "eggs", "beaten")]
    [InlineData("1/2 tsp salt", 0.5, null, "tsp", null, "salt", null)]
    [InlineData("2-3 cloves garlic", 2.0, 3.0, "clove", null, "garlic", null)]
    [InlineData("salt to taste", null, null, null, null, "salt", "to taste")]
    [InlineData("1 (400 g) can chopped tomatoes", 1.0, null, "can", 400.0, "chopped tomatoes", null)]
    [InlineData("&frac12; tsp vanilla extract", 0.5, null, "tsp", null, "vanilla extract", null)]
    [InlineData("¾ cup sugar", 0.75, null, "cup", null, "sugar", null)]
    [InlineData("1⅓ cups milk", 4.0 / 3, null, "cup", null, "milk", null)]
    [InlineData("75g/2½oz smoked mackerel, skinned", 75.0, null, "g", 75.0, "smoked mackerel", "skinned")]
    [InlineData("400g tin kidney beans in chilli sauce", 400.0, null, "g", 400.0, "kidney beans in chilli sauce", null)]
    [InlineData("1 lb ground beef", 1.0, null, "lb", 453.592, "ground beef", null)]
    [InlineData("8 oz cream cheese", 8.0, null, "oz", 226.796, "cream cheese", null)]
    [InlineData("2 cans (400 g) chickpeas", 2.0, null, "can", 800.0, "chickpeas", null)]
    [InlineData("a pinch of salt", 1.0, null, "pinch", null, "salt", null)]
    [InlineData("food colourings (optional)", null, null, null, null, "food colourings", "optional")]
    // German
    [InlineData("200 g Mehl", 200.0, null, "g", 200.0, "Mehl", null)]
    [InlineData("2 EL Olivenöl", 2.0, null, "tbsp (metric)", null, "Olivenöl", null)]
    [InlineData("1 TL Salz", 1.0, null, "tsp (metric)", null, "Salz", null)]
    [InlineData("0,5 l Milch", 0.5, null, "l", null, "Milch", null)]
    [InlineData("3 Eier, verquirlt", 3.0, null, null, null, "Eier", "verquirlt")]
    [InlineData("2-3 Zehen Knoblauch", 2.0, 3.0, "clove", null, "Knoblauch", null)]
    [InlineData("Salz nach Geschmack", null, null, null, null, "Salz", "nach Geschmack")]
    [InlineData("1 Dose (400 g) gehackte Tomaten", 1.0, null, "can", 400.0, "gehackte Tomaten", null)]
    // French
    [InlineData("200 g de farine", 200.0, null, "g", 200.0, "farine", null)]
    [InlineData("2 c. à soupe d'huile d'olive", 2.0, null, "tbsp (metric)", null, "huile d'olive", null)]
    [InlineData("1 c. à café de sel", 1.0, null, "tsp (metric)", null, "sel", null)]
    [InlineData("3 œufs, battus", 3.0, null, null, null, "œufs", "battus")]
    [InlineData("sel au goût", null, null, null, null, "sel", "au goût")]
    [InlineData("1 boîte (400 g) de tomates concassées", 1.0, null, "can", 400.0, "tomates concassées", null)]
    [InlineData("1/2 l de lait", 0.5, null, "l", null, "lait", null)]
    public void Reads_quantity_unit_food_and_note(string text, double? quantity, double? quantityMax, string? unit, double? grams, string food, string? note)
    {
        var p = IngredientParser.Parse(text);
        Assert.Equal(quantity is null, p.Quantity is null);
        if (quantity is { } q) Assert.Equal(q, p.Quantity!.Value, 6);
        Assert.Equal(quantityMax, p.QuantityMax);
        Assert.Equal(unit, p.Unit?.Name);
        Assert.Equal(grams is null, p.Grams is null);
        if (grams is { } g) Assert.Equal(g, p.Grams!.Value, 2);
        Assert.Equal(food, p.Food);
        Assert.Equal(note, p.Note);
    }

    [Fact]
    public void A_range_counts_as_its_middle()
    {
        Assert.Equal(2.5, IngredientParser.Parse("2-3 cloves garlic").Amount);
        Assert.Equal(2.5, IngredientParser.Parse("2 to 3 cloves garlic").Amount);
    }

    [Fact]
    public void A_sentence_splits_into_its_items()
    {
        var parts = IngredientParser.SplitSentence("2 eggs, a slice of wholemeal toast and 200 ml milk");
        Assert.Equal(["2 eggs", "a slice of wholemeal toast", "200 ml milk"], parts);
        var toast = IngredientParser.Parse(parts[1]);
        Assert.Equal((1.0, "slice", "wholemeal toast"), (toast.Quantity!.Value, toast.Unit!.Name, toast.Food));
        Assert.Equal(["1 Apfel", "200 g Joghurt"], IngredientParser.SplitSentence("1 Apfel und 200 g Joghurt"));
    }

    [Fact]
    public void Words_that_only_start_like_a_unit_stay_the_food()
    {
        Assert.Equal(("garlic", null), (IngredientParser.Parse("3 garlic").Food, IngredientParser.Parse("3 garlic").Unit?.Name));
        Assert.Equal("large", IngredientParser.Parse("2 large eggs").Unit!.Name);
        Assert.Equal("lemons", IngredientParser.Parse("2 lemons").Food);
        Assert.Null(IngredientParser.Parse("2 lemons").Unit);
    }

    [Theory]
    [InlineData("٣ eggs")] // Arabic-Indic three
    [InlineData("３ g flour")] // full-width three
    [InlineData("1٣/2 cup milk")]
    public void Non_ascii_digits_are_not_a_quantity_and_do_not_throw(string text)
    {
        var p = IngredientParser.Parse(text);
        Assert.Null(p.Grams);
        Assert.NotEqual("", p.Food);
    }

    [Fact]
    public void An_absurd_or_infinite_amount_stays_in_the_food_text()
    {
        var huge = new string('9', 400);
        var p = IngredientParser.Parse(huge + " g flour");
        Assert.Null(p.Quantity);
        Assert.Null(p.Grams);
        Assert.StartsWith("999", p.Food);
        Assert.Null(IngredientParser.Parse("1 (" + huge + " g) can tomatoes").Grams);
        Assert.Null(IngredientParser.Parse("2-" + huge + " cloves garlic").Quantity);
        Assert.Null(IngredientParser.Parse("200000 kg sugar").Grams);
        Assert.Equal(100_000, IngredientParser.Parse("100000 g sugar").Grams);
    }
}
