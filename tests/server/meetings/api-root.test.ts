// The API root and the OpenAPI schema document every /api/meetings/ route, with the seed's keys and true values.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

type Json = Record<string, unknown>;

const seed = JSON.parse(fs.readFileSync(new URL('../../fixtures/api_root.seed.json', import.meta.url), 'utf8'));
const seedSection = seed.endpoints.appointments as Json;

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Json).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

function at(document: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

let ts: TestServer;
let section: Json;
let origin: string;

beforeAll(async () => {
  ts = await startTestServer();
  section = (await ts.api.get('/api/')).body.endpoints.appointments;
  origin = ts.server.url.replace(/\/$/, '');
});
afterAll(() => ts.stop());

describe('the appointments section of GET /api/', () => {
  it('has every key path of the seed, with the URLs for this host', () => {
    expect(keyPaths(seedSection).filter((path) => at(section, path) === undefined)).toEqual([]);
    for (const path of keyPaths(seedSection).filter((p) => p.endsWith('.url'))) {
      expect(at(section, path)).toBe((at(seedSection, path) as string).replace('http://testserver', origin));
    }
  });

  it("keeps the seed's wording where it is true", () => {
    const endpoints = section.endpoints as Record<string, Json>;
    const seedEndpoints = seedSection.endpoints as Record<string, Json>;
    const corrected = new Set(['create_appointment.description', 'list_appointments.query_parameters.email']);
    for (const [key, entry] of Object.entries(seedEndpoints)) {
      for (const path of keyPaths(entry).filter((p) => !corrected.has(`${key}.${p}`) && p !== 'url')) {
        const seedValue = at(entry, path);
        if (typeof seedValue !== 'object' || Array.isArray(seedValue))
          expect(at(endpoints[key], path), `${key}.${path}`).toEqual(seedValue);
      }
    }
    expect(section.jitsi_integration).toEqual(seedSection.jitsi_integration);
  });

  it('corrects what the seed got wrong: no anonymous email lookup, creating needs a signed-in user', () => {
    const endpoints = section.endpoints as Record<string, Json>;
    expect(at(endpoints, 'list_appointments.query_parameters.email')).toMatch(/^Staff only/);
    expect(endpoints.create_appointment.description).not.toMatch(/Public/);
  });

  it('documents the blocked dates beyond the seed', () => {
    const endpoints = section.endpoints as Record<string, Json>;
    expect(endpoints.blocked_dates).toMatchObject({
      url: `${origin}/api/meetings/admin/blocked-dates/`,
      methods: ['GET', 'POST'],
      authentication: 'Required (Staff users only)',
    });
    expect(endpoints.blocked_date_detail).toMatchObject({
      url: `${origin}/api/meetings/admin/blocked-dates/<date:day>/`,
      methods: ['DELETE'],
    });
  });

  it('is served as OpenAPI 3.1 with the request schemas', async () => {
    const { paths } = (await ts.api.get('/api/schema/')).body;
    // Other features (session notes) add their own paths under /api/meetings/ too.
    expect(Object.keys(paths).filter((path) => path.startsWith('/api/meetings/'))).toEqual(
      expect.arrayContaining([
        '/api/meetings/admin/availability/',
        '/api/meetings/admin/blocked-dates/',
        '/api/meetings/admin/blocked-dates/{day}/',
        '/api/meetings/appointments/',
        '/api/meetings/appointments/available-dates/',
        '/api/meetings/appointments/create/',
        '/api/meetings/appointments/stats/',
        '/api/meetings/appointments/{pk}/',
        '/api/meetings/appointments/{pk}/jitsi-meeting/',
        '/api/meetings/appointments/{pk}/reject/',
        '/api/meetings/appointments/{pk}/schedule/',
        '/api/meetings/appointments/{pk}/cancel/',
        '/api/meetings/appointments/{pk}/reschedule/',
        '/api/meetings/appointments/{pk}/request-reschedule/',
        '/api/meetings/appointments/{pk}/attendance/',
        '/api/meetings/practice/',
        '/api/meetings/user/appointments/',
        '/api/meetings/user/appointments/stats/',
      ]),
    );
    const create = paths['/api/meetings/appointments/create/'].post.requestBody.content['application/json'].schema;
    // preferred_dates and preferred_time_slots are required unless requested_start (a free slot) is sent.
    expect(create.required).toEqual(expect.arrayContaining(['first_name', 'last_name', 'email']));
    expect(create.properties.preferred_dates).toMatchObject({ minItems: 1, maxItems: 5 });
    expect(create.properties.requested_start).toBeDefined();
  });
});
