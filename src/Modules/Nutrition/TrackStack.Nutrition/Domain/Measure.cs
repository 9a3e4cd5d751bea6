namespace TrackStack.Nutrition.Domain;

internal enum MeasureKind { Mass, Volume, Portion }

/// <summary>A unit a quantity is written in. Mass and volume units carry their size (grams, millilitres); a portion
/// ("clove", "slice", "can", "large") has a weight only through a food's own units.</summary>
internal sealed record Measure(string Name, MeasureKind Kind, double Size = 0)
{
    // Exact definitions: avoirdupois ounce and pound, US customary volumes; metric spoons and cup are 5, 15 and 250 ml.
    public const double GramsPerOunce = 28.349523125;
    public const double GramsPerPound = 453.59237;
    public const double UsTeaspoonMl = 4.92892159375;
    public const double UsTablespoonMl = 14.78676478125;
    public const double UsCupMl = 236.5882365;
    public const double UsFluidOunceMl = 29.5735295625;

    public static readonly Measure Gram = new("g", MeasureKind.Mass, 1);
    public static readonly Measure Kilogram = new("kg", MeasureKind.Mass, 1000);
    public static readonly Measure Milligram = new("mg", MeasureKind.Mass, 0.001);
    public static readonly Measure Ounce = new("oz", MeasureKind.Mass, GramsPerOunce);
    public static readonly Measure Pound = new("lb", MeasureKind.Mass, GramsPerPound);
    public static readonly Measure Millilitre = new("ml", MeasureKind.Volume, 1);
    public static readonly Measure Centilitre = new("cl", MeasureKind.Volume, 10);
    public static readonly Measure Decilitre = new("dl", MeasureKind.Volume, 100);
    public static readonly Measure Litre = new("l", MeasureKind.Volume, 1000);
    public static readonly Measure Teaspoon = new("tsp", MeasureKind.Volume, UsTeaspoonMl);
    public static readonly Measure Tablespoon = new("tbsp", MeasureKind.Volume, UsTablespoonMl);
    public static readonly Measure Cup = new("cup", MeasureKind.Volume, UsCupMl);
    public static readonly Measure FluidOunce = new("fl oz", MeasureKind.Volume, UsFluidOunceMl);
    public static readonly Measure MetricTeaspoon = new("tsp (metric)", MeasureKind.Volume, 5);
    public static readonly Measure MetricTablespoon = new("tbsp (metric)", MeasureKind.Volume, 15);
    public static readonly Measure MetricCup = new("cup (metric)", MeasureKind.Volume, 250);

    public static Measure Portion(string name) => new(name, MeasureKind.Portion);

    /// <summary>Portion words by the English name a food's SR28 units use (before Words: static fields initialise in order).</summary>
    private static readonly (string, string[])[] PortionWords =
    [
        ("clove", ["clove", "cloves", "zehe", "zehen", "gousse", "gousses"]),
        ("slice", ["slice", "slices", "scheibe", "scheiben", "tranche", "tranches"]),
        ("piece", ["piece", "pieces", "pc", "pcs", "stück", "stk", "morceau", "morceaux", "pièce", "pièces"]),
        ("can", ["can", "cans", "tin", "tins", "dose", "dosen", "boîte", "boîtes", "boite", "boites"]),
        ("pinch", ["pinch", "pinches", "prise", "prisen", "pincée", "pincées"]),
        ("stick", ["stick", "sticks"]),
        ("large", ["large"]),
        ("medium", ["medium"]),
        ("small", ["small"]),
        ("bunch", ["bunch", "bund"]),
        ("package", ["package", "packages", "pack", "packet", "päckchen", "packung", "sachet"]),
        ("leaf", ["leaf", "leaves", "blatt", "blätter", "feuille", "feuilles"]),
        ("sprig", ["sprig", "sprigs", "zweig", "zweige", "brin", "brins"]),
    ];

    /// <summary>Words for units in English, German and French, lower case, longest first where one starts
    /// another ("fl oz" before "oz"). German and French spoons (EL, TL, c. à soupe) are the metric 15 and 5 ml;
    /// English tsp/tbsp/cup are US customary, as in the SR28 weights they convert through.</summary>
    public static readonly IReadOnlyList<(string Word, Measure Measure)> Words = BuildWords();

    private static List<(string, Measure)> BuildWords()
    {
        var list = new List<(string, Measure)>();
        void Add(Measure m, params string[] words) { foreach (var w in words) list.Add((w, m)); }
        Add(Gram, "g", "gr", "gram", "grams", "gramm", "gramme", "grammes");
        Add(Kilogram, "kg", "kilogram", "kilograms", "kilogramm", "kilogramme", "kilo", "kilos");
        Add(Milligram, "mg");
        Add(FluidOunce, "fl oz", "fl. oz.", "fl. oz", "fl.oz", "fluid ounce", "fluid ounces");
        Add(Ounce, "oz", "oz.", "ounce", "ounces");
        Add(Pound, "lb", "lbs", "lb.", "pound", "pounds");
        Add(Millilitre, "ml", "milliliter", "milliliters", "millilitre", "millilitres");
        Add(Centilitre, "cl");
        Add(Decilitre, "dl");
        Add(Litre, "l", "liter", "liters", "litre", "litres");
        Add(MetricTablespoon, "el", "esslöffel", "c. à soupe", "c. a soupe", "c.à.s.", "c.à.s", "cuillère à soupe", "cuillères à soupe", "cuillere a soupe", "cas", "càs");
        Add(MetricTeaspoon, "tl", "teelöffel", "c. à café", "c. a cafe", "c.à.c.", "c.à.c", "cuillère à café", "cuillères à café", "cuillere a cafe", "cac", "càc");
        Add(MetricCup, "tasse", "tassen", "tasses");
        Add(Tablespoon, "tbsp", "tbsp.", "tbs", "tablespoon", "tablespoons");
        Add(Teaspoon, "tsp", "tsp.", "teaspoon", "teaspoons");
        Add(Cup, "cup", "cups", "c.");
        foreach (var (canonical, words) in PortionWords) Add(Portion(canonical), words);
        return list.OrderByDescending(e => e.Item1.Length).ToList();
    }

}
