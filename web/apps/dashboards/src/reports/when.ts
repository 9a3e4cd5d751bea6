// An instant of the reports screens in the household's zone and locale: "Mon, 9 Nov 2026, 08:00".
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString();
  }
}
