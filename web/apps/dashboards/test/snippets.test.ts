import { describe, expect, it } from 'vitest';
import { bucketName, curlSnippet, homeAssistantSnippet, telegrafSnippet } from '../src/snippets';

const input = { origin: 'https://kpi.example.org', key: 'tsk_ABC123', bucket: 'home-sensors' };

describe('snippets', () => {
  it('curl posts JSON to /api/ingest with the key as a bearer token', () => {
    const s = curlSnippet({ ...input, metric: 'signups' });
    expect(s).toContain('curl -s https://kpi.example.org/api/ingest');
    expect(s).toContain(`-H 'Authorization: Bearer tsk_ABC123'`);
    const body = /-d '(.*)'$/.exec(s)![1];
    expect(JSON.parse(body)).toEqual({ points: [{ metric: 'signups', value: 1, tags: { source: 'curl' } }] });
  });

  it('curl quotes a key with a quote safely for the shell', () => {
    expect(curlSnippet({ ...input, key: "it's" })).toContain(`'Authorization: Bearer it'\\''s'`);
  });

  it('Telegraf uses outputs.influxdb_v2 with the key as token and no compression', () => {
    const s = telegrafSnippet(input);
    expect(s).toContain('[[outputs.influxdb_v2]]');
    expect(s).toContain('urls = ["https://kpi.example.org"]');
    expect(s).toContain('token = "tsk_ABC123"');
    expect(s).toContain('bucket = "home-sensors"');
    expect(s).toContain('content_encoding = "identity"');
  });

  it('Home Assistant uses the InfluxDB integration, API version 2, host, port and ssl from the origin', () => {
    const s = homeAssistantSnippet(input);
    expect(s.split('\n')).toEqual(expect.arrayContaining(['influxdb:', '  api_version: 2', '  ssl: true', '  host: "kpi.example.org"', '  port: 443', '  token: "tsk_ABC123"', '  bucket: "home-sensors"']));
    const local = homeAssistantSnippet({ ...input, origin: 'http://192.168.1.5:8080' });
    expect(local).toContain('  ssl: false');
    expect(local).toContain('  port: 8080');
  });

  it('makes a bucket name of a product name within the name rule', () => {
    expect(bucketName('Home sensors (cellar)')).toBe('home-sensors-cellar');
    expect(bucketName('Café Zürich')).toBe('cafe-zurich');
    expect(bucketName('!!!')).toBe('trackstack');
    expect(bucketName('x'.repeat(150))).toHaveLength(100);
  });
});
