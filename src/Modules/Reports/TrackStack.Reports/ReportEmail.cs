using System.Net;
using System.Text;
using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports;

/// <summary>A built report as one recipient's e-mail: a responsive HTML body (one column that fits a phone, each
/// chart an inline PNG referenced by Content-ID), the same figures as plain text, the CSV of every widget, and the
/// one-click unsubscribe of RFC 8058 (a signed link, List-Unsubscribe and List-Unsubscribe-Post).</summary>
internal static class ReportEmail
{
    public static string ContentId(int index) => $"chart-{index + 1}@trackstack";

    /// <remarks>A null <paramref name="dashboardUrl"/> is a guest's copy: no link into the app, which they cannot sign in to.</remarks>
    public static EmailMessage Compose(BuiltReport report, string scheduleName, string to, string? dashboardUrl, string unsubscribeUrl, bool preview, string kind = "report")
    {
        var subject = (preview ? "Preview: " : "") + $"{scheduleName}, {report.PeriodLabel}";
        var html = Html(report, scheduleName, dashboardUrl, unsubscribeUrl, i => "cid:" + ContentId(i));
        var attachments = report.Widgets
            .Select((w, i) => (w, i))
            .Where(x => x.w.Png is not null)
            .Select(x => new EmailAttachment($"chart-{x.i + 1}.png", "image/png", x.w.Png!, ContentId(x.i)))
            .Append(new EmailAttachment(CsvName(report), "text/csv", report.Csv))
            .ToList();
        return new EmailMessage(to, subject, Text(report, scheduleName, dashboardUrl, unsubscribeUrl), html)
        {
            Kind = kind,
            Attachments = attachments,
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribeUrl}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    /// <summary>The HTML a browser previews: the charts as data URIs instead of Content-IDs.</summary>
    public static string PreviewHtml(BuiltReport report, string scheduleName, string dashboardUrl) =>
        Html(report, scheduleName, dashboardUrl, null, i => "data:image/png;base64," + Convert.ToBase64String(report.Widgets[i].Png!));

    public static string CsvName(BuiltReport report) => $"{Slug(report.DashboardName)}-{report.FirstDay:yyyy-MM-dd}.csv";

    private static string Text(BuiltReport report, string scheduleName, string? dashboardUrl, string unsubscribeUrl)
    {
        var b = new StringBuilder();
        b.Append(scheduleName).Append('\n').Append(report.DashboardName).Append(", ").Append(report.PeriodLabel).Append("\n\n");
        foreach (var w in report.Widgets) b.Append(w.Title).Append(": ").Append(w.Words).Append('\n');
        b.Append('\n').Append(report.CsvNote).Append('\n');
        if (dashboardUrl is not null) b.Append(report.LinkText).Append(": ").Append(dashboardUrl).Append('\n');
        b.Append('\n').Append(Why(report, dashboardUrl)).Append(" Stop receiving it: ").Append(unsubscribeUrl).Append('\n');
        return b.ToString();
    }

    private static string Html(BuiltReport report, string scheduleName, string? dashboardUrl, string? unsubscribeUrl, Func<int, string> imageSource)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"").Append(E(report.Culture.TwoLetterISOLanguageName)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(E(scheduleName)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f5f7\"><tr><td align=\"center\" style=\"padding:16px 8px\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:640px;background:#ffffff;border-radius:8px\">")
            .Append("<tr><td style=\"padding:20px 20px 8px\"><h1 style=\"margin:0;font-size:20px\">").Append(E(scheduleName)).Append("</h1>")
            .Append("<p style=\"margin:4px 0 0;color:#56606b;font-size:14px\">").Append(E(report.DashboardName)).Append(" · ").Append(E(report.PeriodLabel)).Append("</p></td></tr>");
        for (var i = 0; i < report.Widgets.Count; i++)
        {
            var w = report.Widgets[i];
            b.Append("<tr><td style=\"padding:12px 20px;border-top:1px solid #e3e6ea\"><h2 style=\"margin:0 0 4px;font-size:16px\">").Append(E(w.Title)).Append("</h2>")
                .Append("<p style=\"margin:0 0 8px;font-size:14px\">").Append(E(w.Words)).Append("</p>");
            if (w.Png is not null)
            {
                b.Append("<img src=\"").Append(imageSource(i)).Append("\" width=\"600\" alt=\"").Append(E(w.Title + ": " + w.Words))
                    .Append("\" style=\"display:block;width:100%;max-width:600px;height:auto;border:0\">");
            }
            b.Append("</td></tr>");
        }
        b.Append("<tr><td style=\"padding:16px 20px;border-top:1px solid #e3e6ea;font-size:13px;color:#56606b\">")
            .Append(E(report.CsvNote));
        if (dashboardUrl is not null) b.Append(" <a href=\"").Append(E(dashboardUrl)).Append("\" style=\"color:#1f5fbf\">").Append(E(report.LinkText)).Append("</a>.");
        if (unsubscribeUrl is not null)
        {
            b.Append("<br>").Append(E(Why(report, dashboardUrl))).Append(" <a href=\"").Append(E(unsubscribeUrl))
                .Append("\" style=\"color:#1f5fbf\">Stop receiving it</a>.");
        }
        b.Append("</td></tr></table></td></tr></table></body></html>");
        return b.ToString();
    }

    private static string Why(BuiltReport report, string? dashboardUrl) => dashboardUrl is null
        ? "You receive this report because you confirmed a household member's invitation."
        : report.Reason;

    private static string Slug(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Length == 0 ? "report" : slug;
    }
}
