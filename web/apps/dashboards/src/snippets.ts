// Copy-paste configuration for sending points with a key: curl (JSON), Telegraf (InfluxDB 2 output) and Home
// Assistant (its InfluxDB integration, API version 2), filled with this server's address, the key and a bucket.
// Configuration files are code, not UI words: they stay English in every language.

export interface SnippetInput {
  /** The server's origin, "https://trackstack.example.org" (location.origin). */
  origin: string;
  /** The key's secret when it was just created, else a placeholder the user replaces. */
  key: string;
  /** InfluxDB clients need a bucket (and an organisation); the server ignores both, the key decides. */
  bucket: string;
  /** A metric name for the curl example. */
  metric?: string;
}

/** A bucket name from the product's name: letters, digits, "_", "." and "-" (Metrics' name rule). */
export function bucketName(productName: string): string {
  const slug = productName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 100) || 'trackstack';
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet({ origin, key, metric = 'signups' }: SnippetInput): string {
  const body = JSON.stringify({ points: [{ metric, value: 1, tags: { source: 'curl' } }] });
  return [
    `curl -s ${origin}/api/ingest \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${key}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}

function tomlString(value: string): string {
  return JSON.stringify(value);
}

export function telegrafSnippet({ origin, key, bucket }: SnippetInput): string {
  return [
    '# telegraf.conf',
    '[[outputs.influxdb_v2]]',
    `  urls = [${tomlString(origin)}]`,
    `  token = ${tomlString(key)}`,
    `  organization = ${tomlString(bucket)}`,
    `  bucket = ${tomlString(bucket)}`,
    '  # TrackStack refuses compressed bodies (Telegraf sends gzip by default).',
    '  content_encoding = "identity"',
  ].join('\n');
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function homeAssistantSnippet({ origin, key, bucket }: SnippetInput): string {
  const url = new URL(origin);
  const ssl = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : ssl ? 443 : 80;
  return [
    '# configuration.yaml',
    'influxdb:',
    '  api_version: 2',
    `  ssl: ${ssl}`,
    `  host: ${yamlString(url.hostname)}`,
    `  port: ${port}`,
    `  token: ${yamlString(key)}`,
    `  organization: ${yamlString(bucket)}`,
    `  bucket: ${yamlString(bucket)}`,
  ].join('\n');
}
