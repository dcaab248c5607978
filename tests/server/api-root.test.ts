import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const seed = JSON.parse(fs.readFileSync(new URL('../fixtures/api_root.seed.json', import.meta.url), 'utf8'));

type Json = Record<string, unknown>;

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Json).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

function at(document: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

interface Entry {
  url: string;
  methods: string[];
  authentication: string;
}

function entries(document: Json): [string, Entry][] {
  const sections = document.endpoints as Record<string, { endpoints: Record<string, Entry> }>;
  return Object.values(sections).flatMap((section) => Object.entries(section.endpoints));
}

let ts: TestServer;
let root: Json;
let origin: string;

beforeAll(async () => {
  ts = await startTestServer();
  const res = await ts.api.get('/api/');
  root = res.body;
  origin = ts.server.url.replace(/\/$/, '');
});
afterAll(() => ts.stop());

describe('GET /api/ (the API root)', () => {
  it('is public JSON', async () => {
    const res = await ts.api.get('/api/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('carries every key path of the seed', () => {
    const missing = keyPaths(seed).filter((path) => at(root, path) === undefined);
    expect(missing).toEqual([]);
  });

  it('makes every URL absolute for the host the request came to', () => {
    expect(root.base_url).toBe(`${origin}/api/`);
    for (const path of keyPaths(seed).filter((p) => p.endsWith('.url'))) {
      expect(at(root, path)).toBe((at(seed, path) as string).replace('http://testserver', origin));
    }
  });

  it('honours X-Forwarded-Host only when TRUST_PROXY is set', async () => {
    const res = await ts.api.get('/api/').set('X-Forwarded-Host', 'evil.example').set('X-Forwarded-Proto', 'https');
    expect(res.body.base_url).toBe(`${origin}/api/`);
    const proxied = await startTestServer({ env: { TRUST_PROXY: '1' } });
    try {
      const behindTunnel = await proxied.api.get('/api/').set('X-Forwarded-Host', 'practice.example.org').set('X-Forwarded-Proto', 'https');
      expect(behindTunnel.body.base_url).toBe('https://practice.example.org/api/');
    } finally {
      await proxied.stop();
    }
  });

  it('keeps the seed wording where it is true and corrects what is not', () => {
    expect(at(root, 'message')).toBe(seed.message);
    expect(at(root, 'project_structure.admin')).not.toMatch(/Django/);
    expect(JSON.stringify(at(root, 'quick_start.for_admins'))).not.toMatch(/Django/);
    expect(at(root, 'endpoints.appointments.endpoints.list_appointments.query_parameters.email')).toMatch(/staff/i);
  });

  it('lists for every entry the methods its route really answers', async () => {
    for (const [key, entry] of entries(root)) {
      const path = new URL(
        entry.url.replace(/<uuid:[a-z_]+>/, '00000000-0000-4000-8000-000000000000').replace(/<date:[a-z_]+>/, '2030-01-01'),
      ).pathname;
      const res = await ts.api.options(path);
      expect(res.status, `${key} ${path}`).toBe(200);
      const allowed = res.headers.allow.split(', ').filter((m: string) => m !== 'HEAD' && m !== 'OPTIONS');
      expect(allowed.sort(), key).toEqual([...entry.methods].sort());
    }
  });

  it('says for every entry the authentication its route really requires', async () => {
    for (const [key, entry] of entries(root)) {
      const path = new URL(
        entry.url.replace(/<uuid:[a-z_]+>/, '00000000-0000-4000-8000-000000000000').replace(/<date:[a-z_]+>/, '2030-01-01'),
      ).pathname;
      for (const method of entry.methods) {
        const res = await ts.api[method.toLowerCase() as 'get'](path).set('Content-Type', 'application/json').send('{}');
        if (/^None/.test(entry.authentication)) expect(res.status, `${method} ${key}`).not.toBe(401);
        else expect(res.status, `${method} ${key} says "${entry.authentication}"`).toBe(401);
      }
      if (/Admin|Staff/.test(entry.authentication)) expect(entry.authentication).toMatch(/^Required/);
    }
  });

  it('serves the same surface as OpenAPI 3.1 at /api/schema/', async () => {
    const res = await ts.api.get('/api/schema/');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const openApiPath = (entry: Entry) => entry.url.slice(origin.length).replace(/<(?:uuid|date):([a-z_]+)>/g, '{$1}');
    const documented = entries(root).map(([, entry]) => openApiPath(entry));
    expect(Object.keys(res.body.paths).sort()).toEqual([...documented].sort());
    for (const [, entry] of entries(root)) {
      expect(
        Object.keys(res.body.paths[openApiPath(entry)])
          .map((m) => m.toUpperCase())
          .sort(),
      ).toEqual([...entry.methods].sort());
    }
  });
});
