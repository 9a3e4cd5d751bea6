namespace TrackStack.Expenses.Domain;

/// <summary>Whether a bank's payee text and what a person typed name the same payee: "REWE Markt GmbH" and "Rewe",
/// "NETFLIX.COM" and "Netflix", "Stadtwerke München" and "Strom Stadtwerke". Case, accents, punctuation and legal
/// forms do not count; one shared word of three letters or more does, and so does one name written inside the other.</summary>
internal static class PayeeSimilarity
{
    private static readonly HashSet<string> Filler = ["gmbh", "ag", "kg", "se", "ltd", "limited", "inc", "llc", "plc", "bv", "nv", "sa", "sas", "sarl", "co", "und",
        "and", "the", "der", "die", "das", "von", "fuer", "for", "www", "com", "de", "net", "org", "sepa", "lastschrift", "kartenzahlung", "payment", "card", "prlv", "bea",
        "betaalpas", "folgelastschrift", "basislastschrift", "ueberweisung", "dauerauftrag", "virement", "paypal", "europe"];

    public static bool Similar(string? bank, string? typed)
    {
        var a = Words(bank);
        var b = Words(typed);
        if (a.Count == 0 || b.Count == 0) return false;
        if (a.Overlaps(b)) return true;
        var compactA = string.Concat(a);
        var compactB = string.Concat(b);
        return (compactB.Length >= 4 && compactA.Contains(compactB, StringComparison.Ordinal)) || (compactA.Length >= 4 && compactB.Contains(compactA, StringComparison.Ordinal));
    }

    private static HashSet<string> Words(string? text) =>
        TrackStack.Expenses.Importing.HeaderNames.Normalize(text ?? "").Where(w => w.Length >= 3 && !Filler.Contains(w) && !w.All(char.IsDigit)).ToHashSet(StringComparer.Ordinal);
}
