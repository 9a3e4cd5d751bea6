using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Nutrition.Importing;

/// <summary>A folder of USDA FoodData Central CSV files and the columns the import reads from each. Opening it checks
/// every file and header first, so a wrong folder fails before the database is touched.</summary>
internal sealed class FdcExport
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["food.csv"] = ["fdc_id", "data_type", "description"],
        ["nutrient.csv"] = ["id", "name", "unit_name", "nutrient_nbr"],
        ["food_nutrient.csv"] = ["fdc_id", "nutrient_id", "amount"],
        ["food_portion.csv"] = ["fdc_id", "seq_num", "amount", "measure_unit_id", "portion_description", "modifier", "gram_weight"],
        ["measure_unit.csv"] = ["id", "name"],
    };

    private FdcExport(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Throws <see cref="FdcImportException"/> naming what is missing or wrong.</summary>
    public static FdcExport Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new FdcImportException($"The folder {full} does not exist.");
        var export = new FdcExport(full);
        foreach (var file in Columns.Keys)
        {
            if (!File.Exists(Path.Combine(full, file)))
                throw new FdcImportException($"{file} is missing in {full}: an FDC CSV export has {string.Join(", ", Columns.Keys)}.");
            using var table = export.Read(file);
        }
        return export;
    }

    public FdcTable Read(string file) => FdcTable.Open(Path.Combine(Folder, file), Columns[file]);
}

/// <summary>One CSV file read row by row (quoted fields with commas, quotes and line breaks as RFC 4180 has them),
/// its wanted columns found by header name in whatever order the file has them.</summary>
internal sealed class FdcTable : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _csv;
    private readonly int[] _index;

    private FdcTable(StreamReader reader, CsvParser csv, int[] index, string name)
    {
        _reader = reader;
        _csv = csv;
        _index = index;
        Name = name;
    }

    public string Name { get; }
    public long Rows { get; private set; }

    /// <summary>How far into the file the reader is, for the progress line.</summary>
    public double Fraction => _reader.BaseStream.Length == 0 ? 1 : (double)_reader.BaseStream.Position / _reader.BaseStream.Length;

    public static FdcTable Open(string path, string[] columns)
    {
        var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        }, leaveOpen: false);
        var name = Path.GetFileName(path);
        try
        {
            if (!csv.Read()) throw new FdcImportException($"{name} is empty: it needs a header row with {string.Join(", ", columns)}.");
            var header = (csv.Record ?? []).Select(h => h.Trim().Trim('\uFEFF')).ToList();
            var index = new int[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                index[i] = header.FindIndex(h => string.Equals(h, columns[i], StringComparison.OrdinalIgnoreCase));
                if (index[i] < 0)
                    throw new FdcImportException($"{name} has no column \"{columns[i]}\" (its header is: {string.Join(",", header.Take(12))}); FDC's {name} has {string.Join(", ", columns)}.");
            }
            return new FdcTable(reader, csv, index, name);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Next()
    {
        if (!_csv.Read()) return false;
        Rows++;
        return true;
    }

    /// <summary>The row's value of the n-th wanted column ("" when the row is short).</summary>
    public string this[int column] => _index[column] < _csv.Count ? _csv[_index[column]] : "";

    public bool TryLong(int column, out long value) =>
        long.TryParse(this[column].AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public bool TryDouble(int column, out double value) =>
        double.TryParse(this[column].AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public void Dispose() => _csv.Dispose();
}

/// <summary>A missing folder or file or a header without the columns FDC's files have: the command's message.</summary>
internal sealed class FdcImportException(string message) : Exception(message);
