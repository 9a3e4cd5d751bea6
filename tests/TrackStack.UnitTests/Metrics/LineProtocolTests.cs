using System.Text;
using TrackStack.Metrics.Domain;
using System.Globalization;

namespace TrackStack.UnitTests.Metrics;

public sealed class LineProtocolTests
{
    /// <summary>Valid lines: (line, measurement, tags as k=v;k=v, fields as key:kind:number-or-text|..., timestamp or null).</summary>
    public static TheoryData<string, string, string, string, long?> Valid => new()
    {
        { "cpu value=1", "cpu", "", "value:Float:1", null },
        { "cpu,host=a value=1.5 1700000000000000000", "cpu", "host=a", "value:Float:1.5", 1700000000000000000 },
        { "cpu,b=2,a=1 x=1i,y=2u,z=-3i", "cpu", "a=1;b=2", "x:Integer:1|y:Unsigned:2|z:Integer:-3", null },
        { "m f=-1.5e3", "m", "", "f:Float:-1500", null },
        { "m f=.5", "m", "", "f:Float:0.5", null },
        { "m f=1.", "m", "", "f:Float:1", null },
        { "m f=1E+2", "m", "", "f:Float:100", null },
        { "m a=t,b=T,c=true,d=True,e=TRUE", "m", "", "a:Boolean:1|b:Boolean:1|c:Boolean:1|d:Boolean:1|e:Boolean:1", null },
        { "m a=f,b=F,c=false,d=False,e=FALSE", "m", "", "a:Boolean:0|b:Boolean:0|c:Boolean:0|d:Boolean:0|e:Boolean:0", null },
        { "m s=\"hello world\"", "m", "", "s:String:hello world", null },
        { "m s=\"say \\\"hi\\\"\"", "m", "", "s:String:say \"hi\"", null },
        { "m s=\"back\\\\slash\"", "m", "", "s:String:back\\slash", null },
        { "m s=\"a\\nb\"", "m", "", "s:String:a\\nb", null },
        { "m s=\"a,b=c d\",n=1", "m", "", "s:String:a,b=c d|n:Float:1", null },
        { "my\\ meas\\,ure value=1", "my meas,ure", "", "value:Float:1", null },
        { "meas=ure value=1", "meas=ure", "", "value:Float:1", null },
        { "m\\=x value=1", "m\\=x", "", "value:Float:1", null },
        { "my\\\\meas value=1", "my\\meas", "", "value:Float:1", null },
        { "m,tag\\ key=tag\\ value,k\\=e\\,y=v\\=a\\,l value=1", "m", "k=e,y=v=a,l;tag key=tag value", "value:Float:1", null },
        { "m fi\\ eld\\=x\\,y=1", "m", "", "fi eld=x,y:Float:1", null },
        { "m,t=\"quoted\" v=1", "m", "t=\"quoted\"", "v:Float:1", null },
        { "m v=1 -1", "m", "", "v:Float:1", -1 },
        { "  m v=1  ", "m", "", "v:Float:1", null },
        { "m  v=1   1700000000   ", "m", "", "v:Float:1", 1700000000 },
        { "m v=9223372036854775807i", "m", "", "v:Integer:9.223372036854776E+18", null },
        { "m v=18446744073709551615u", "m", "", "v:Unsigned:1.8446744073709552E+19", null },
        { "m v=1\r", "m", "", "v:Float:1", null },
        { "m,t=a\\b v=1", "m", "t=a\\b", "v:Float:1", null },
        { "mé,ключ=значение v=1", "mé", "ключ=значение", "v:Float:1", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_valid_lines(string line, string measurement, string tags, string fields, long? timestamp)
    {
        var (points, errors) = LineProtocol.Parse(line);
        Assert.Empty(errors);
        var p = Assert.Single(points);
        Assert.Equal(measurement, p.Measurement);
        Assert.Equal(tags, string.Join(";", p.Tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.Equal(fields, string.Join("|", p.Fields.Select(f => $"{f.Key}:{f.Kind}:{(f.Kind == FieldKind.String ? f.Text : f.Number.ToString("R", CultureInfo.InvariantCulture))}")));
        Assert.Equal(timestamp, p.Timestamp);
    }

    /// <summary>Malformed lines and a word the error must contain.</summary>
    public static TheoryData<string, string> Malformed => new()
    {
        { "cpu", "field" },
        { "cpu ", "field" },
        { "cpu,host=a", "field" },
        { ",host=a v=1", "measurement" },
        { " =1", "measurement" },
        { "cpu,host v=1", "'host'" },
        { "cpu,host= v=1", "empty value" },
        { "cpu,=a v=1", "tag key" },
        { "cpu,h=a,h=b v=1", "twice" },
        { "cpu v", "'v'" },
        { "cpu v=", "no value" },
        { "cpu =1", "field key" },
        { "cpu v=1,", "field key" },
        { "cpu v=abc", "'abc'" },
        { "cpu v=1.2.3", "'1.2.3'" },
        { "cpu v=1e", "'1e'" },
        { "cpu v=+1", "'+1'" },
        { "cpu v=NaN", "'NaN'" },
        { "cpu v=inf", "'inf'" },
        { "cpu v=1.5i", "'1.5i'" },
        { "cpu v=-1u", "'-1u'" },
        { "cpu v=9223372036854775808i", "out of range" },
        { "cpu v=18446744073709551616u", "out of range" },
        { "cpu v=\"open", "closing quote" },
        { "cpu v=tru", "'tru'" },
        { "cpu v=1 12ab", "timestamp" },
        { "cpu v=1 1.5", "timestamp" },
        { "cpu v=1 1 2", "after the timestamp" },
        { "cpu v=1x", "'1x'" },
        { "cpu v=1\"x\"", "'1\"x\"'" },
        { "cpu\\", "backslash" },
        { "cpu,t=a\tb v=1", "control" },
        { "cpu v=1,w=2 x", "timestamp" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Refuses_malformed_lines_with_a_reason(string line, string reason)
    {
        var (points, errors) = LineProtocol.Parse(line);
        Assert.Empty(points);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_comments_and_blank_lines_and_numbers_lines_from_one()
    {
        var body = "# a comment\n\n   \r\n  # indented comment\ncpu v=1\nbad line\ncpu v=2\r\n\n";
        var (points, errors) = LineProtocol.Parse(body);
        Assert.Equal([5, 7], points.Select(p => p.Line));
        Assert.Equal(6, Assert.Single(errors).Line);
    }

    [Fact]
    public void A_quoted_string_may_span_lines_and_the_line_numbers_follow()
    {
        var (points, errors) = LineProtocol.Parse("m s=\"one\ntwo\",v=1 5\nm v=2\nm v=");
        Assert.Equal("one\ntwo", points[0].Fields[0].Text);
        Assert.Equal(5, points[0].Timestamp);
        Assert.Equal(3, points[1].Line);
        Assert.Equal(4, Assert.Single(errors).Line);
    }

    [Fact]
    public void Parses_what_telegraf_writes()
    {
        var body = Encoding.UTF8.GetString(Fixtures.Bytes("metrics/telegraf_openweathermap_weather.expected.out"));
        var (points, errors) = LineProtocol.Parse(body);
        Assert.Empty(errors);
        Assert.Equal(3, points.Count);
        Assert.Equal(["Moscow", "Kiev", "London"], points.Select(p => p.Tags["city"]));
        var moscow = points[0];
        Assert.Equal(1556444155000000000, moscow.Timestamp);
        Assert.Equal((FieldKind.Integer, 40.0), (moscow.Fields.Single(f => f.Key == "cloudiness").Kind, moscow.Fields.Single(f => f.Key == "cloudiness").Number));
        Assert.Equal("scattered clouds", moscow.Fields.Single(f => f.Key == "condition_description").Text);
        Assert.Equal(9.57, moscow.Fields.Single(f => f.Key == "temperature").Number);
        Assert.Equal("*", moscow.Tags["forecast"]);
    }

    [Theory]
    [InlineData(null, 1L)]
    [InlineData("ns", 1L)]
    [InlineData("us", 1_000L)]
    [InlineData("ms", 1_000_000L)]
    [InlineData("s", 1_000_000_000L)]
    [InlineData("h", null)]
    [InlineData("seconds", null)]
    public void Precisions(string? precision, long? unit)
    {
        Assert.Equal(unit, LineProtocol.UnitNanoseconds(precision));
    }

    [Fact]
    public void Timestamps_become_utc_times_at_each_precision()
    {
        var expected = new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc);
        Assert.Equal(expected, LineProtocol.ToTime(1_700_000_000, 1_000_000_000));
        Assert.Equal(expected, LineProtocol.ToTime(1_700_000_000_000, 1_000_000));
        Assert.Equal(expected.AddTicks(1), LineProtocol.ToTime(1_700_000_000_000_000_100, 1));
        Assert.Null(LineProtocol.ToTime(-1, 1_000_000_000));
        Assert.Null(LineProtocol.ToTime(long.MaxValue, 1_000_000_000));
    }
}
