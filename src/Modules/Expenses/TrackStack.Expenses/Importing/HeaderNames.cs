using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrackStack.Expenses.Importing;

internal enum CsvField
{
    Date,
    Amount,
    Debit,
    Credit,
    Payee,
    Payer,
    Memo,
    Id,
    Currency,
    Category,
}

/// <summary>Recognises the header cells of bank CSV exports by their words, not their exact spelling: case,
/// accents and umlauts (ä = ae), punctuation, gender endings ("Zahlungsempfänger*in"), currency marks ("Betrag (€)")
/// and word order ("Begünstigter / Auftraggeber") do not matter. A known name may also appear with extra words
/// ("Payment reference", "Started Date"), unless an extra word says the column is something else ("Original amount",
/// "Account name", "Amount (Foreign Currency)").</summary>
internal static partial class HeaderNames
{
    /// <summary>Extra words that turn a known name into another column.</summary>
    private static readonly HashSet<string> Disqualifying = ["original", "oorspr", "oorspronkelijk", "foreign", "fremdwaehrung", "local", "exchange", "rate", "fee",
        "fees", "gebuehr", "gebuehren", "balance", "saldo", "kontostand", "iban", "bic", "account", "konto", "kontonummer", "number", "nummer", "type", "typ", "art",
        "debit", "credit", "soll", "haben", "glaeubiger", "mandatsreferenz", "abweichender", "ursprungsbetrag", "code", "bank", "split", "time", "emoji", "date", "datum", "id"];

    /// <summary>Words that say nothing about the column: currency marks and codes.</summary>
    private static readonly HashSet<string> Noise = ["eur", "euro", "euros", "chf", "usd", "gbp"];

    // Initialised after Noise, which Words uses.
    // Earlier names win over later ones when several columns match: ING has "Buchungstext" (the kind of booking)
    // before "Verwendungszweck" (the purpose), Commerzbank has only "Buchungstext".
    private static readonly Dictionary<CsvField, string[][]> Names = new()
    {
        [CsvField.Date] = Words("booking date", "buchungstag", "buchungsdatum", "buchung", "date", "transaction date", "completed date", "posting date", "datum",
            "transactiedatum", "boekingsdatum", "date operation", "date de comptabilisation", "fecha", "data", "valuta", "value date", "valutadatum", "wertstellung",
            "wertstellungsdatum", "date valeur", "rentedatum", "started date"),
        [CsvField.Amount] = Words("amount", "betrag", "umsatz", "montant", "bedrag", "transactiebedrag", "importe", "importo", "sum", "value"),
        [CsvField.Debit] = Words("debit", "debit amount", "soll", "out", "money out", "paid out", "withdrawal", "withdrawals", "ausgang", "af"),
        [CsvField.Credit] = Words("credit", "credit amount", "haben", "in", "money in", "paid in", "deposit", "deposits", "eingang", "bij"),
        [CsvField.Payee] = Words("zahlungsempfaenger", "beguenstigter zahlungspflichtiger", "auftraggeber beguenstigter", "name zahlungsbeteiligter",
            "auftraggeber empfaenger", "empfaenger", "payee", "partner name", "counterparty", "beneficiary", "merchant", "name", "naam tegenpartij",
            "naam", "beneficiaire", "tegenpartij", "description", "transaction description"),
        [CsvField.Payer] = Words("zahlungspflichtige", "zahlungspflichtiger", "auftraggeber", "payer"),
        [CsvField.Memo] = Words("verwendungszweck", "payment reference", "memo", "purpose", "reference", "details", "communication", "communications",
            "libelle", "omschrijving", "omschrijving 1", "mededelingen", "notes", "text", "buchungstext", "buchungsdetails"),
        [CsvField.Id] = Words("id", "transaction id", "transaction reference", "fitid", "reference number", "transaktions id", "umsatz id"),
        [CsvField.Currency] = Words("currency", "waehrung", "devise", "munt", "muntsoort", "ccy"),
        [CsvField.Category] = Words("category", "kategorie", "categorie"),
    };

    /// <summary>Fields whose name must match whole: "Gläubiger ID" is not a transaction id, and taking it as one would
    /// make every debit of a creditor a duplicate of the first.</summary>
    private static readonly HashSet<CsvField> WholeOnly = [CsvField.Id, CsvField.Debit, CsvField.Credit];

    /// <summary>The column (0-based) that best names the field, or null: a whole match beats one with extra words,
    /// then the earlier name of the list, then the earlier column.</summary>
    public static int? Find(IReadOnlyList<string> header, CsvField field, ISet<int>? taken = null)
    {
        var names = Names[field];
        (int Column, int Score)? best = null;
        for (var i = 0; i < header.Count; i++)
        {
            if (taken?.Contains(i) == true) continue;
            var words = Normalize(header[i]);
            if (words.Length == 0) continue;
            for (var n = 0; n < names.Length; n++)
            {
                var score = Score(words, names[n], WholeOnly.Contains(field));
                if (score == 0) continue;
                var total = score * 1000 - n;
                if (best is null || total > best.Value.Score) best = (i, total);
            }
        }
        return best?.Column;
    }

    /// <summary>True when the cells look like the header of a statement: a date and some amount.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells) =>
        Find(cells, CsvField.Date) is not null && (Find(cells, CsvField.Amount) ?? Find(cells, CsvField.Debit) ?? Find(cells, CsvField.Credit)) is not null;

    /// <summary>The header cell that names the same thing as <paramref name="given"/> (compared by words).</summary>
    public static int Same(IReadOnlyList<string> header, string given)
    {
        var words = string.Join(' ', Normalize(given));
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Join(' ', Normalize(header[i])) == words) return i;
        }
        return -1;
    }

    /// <summary>The words of a header cell: lower case, umlauts spelled out, accents and gender endings dropped,
    /// currency marks removed.</summary>
    public static string[] Normalize(string cell)
    {
        var s = GenderEnding().Replace(cell.Trim().Trim('"'), "");
        s = s.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Noise.Contains(w)).ToArray();
    }

    /// <summary>A hash of the header row by its words, that names a file layout: the same bank's next export has the
    /// same one, whatever its dates and amounts.</summary>
    public static string LayoutHash(IEnumerable<string> header)
    {
        var text = string.Join('|', header.Select(h => string.Join(' ', Normalize(h))));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static int Score(string[] words, string[] name, bool wholeOnly)
    {
        if (words.Length == name.Length && name.All(words.Contains)) return 2;
        if (wholeOnly || !name.All(words.Contains)) return 0;
        return words.Except(name).Any(Disqualifying.Contains) ? 0 : 1;
    }

    private static string[][] Words(params string[] names) => names.Select(Normalize).ToArray();

    /// <summary>"empfänger*in", "pflichtige*r", "nutzer:innen", "kund_in".</summary>
    [GeneratedRegex(@"(?<=\p{L})[*:_](innen|in|r|e)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GenderEnding();
}
