import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenSigner } from '../../src-server/auth/tokens.js';
import { loadOrCreateKeyFile } from '../../src-server/crypto/keys.js';
import { allEndpoints } from '../../src-server/endpoints.js';
import { Throttle } from '../../src-server/http/throttle.js';
import type { Endpoint } from '../../src-server/http/route-table.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { createRequest } from '../server/meetings/helpers.js';
import { requestFor, type FuzzRequest } from './fuzz-requests.js';

const RUNS = 3_000;

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let endpoints: Endpoint[];
let appointmentId: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  ts = await startTestServer({ env: { RATE_LIMIT_AUTH: '100000', FAILED_LOGIN_LIMIT: '1000' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  appointmentId = String((await createRequest(ts, client)).id);
  endpoints = allEndpoints(ts.server.core, { throttles: { auth: new Throttle(1, 60) }, lanUrls: () => [] });
});
afterAll(async () => {
  agent.destroy();
  await ts.stop();
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Every kind of caller: anonymous, client, staff, and forged, expired, misused or malformed credentials. */
async function credentials(): Promise<fc.Arbitrary<string | null>> {
  const core = ts.server.core;
  const now = Math.floor(core.clock.now().getTime() / 1000);
  const claims = { token_type: 'access', user_id: staff.user.id, ver: 0, jti: randomUUID(), iat: now, exp: now + 600 };
  const foreign = new TokenSigner(randomBytes(32), core.clock, core.tokens.settings);
  const [masterKey] = loadOrCreateKeyFile(ts.dataDir);
  const lastHour = new TokenSigner(masterKey, { now: () => new Date(core.clock.now().getTime() - 3_600_000) }, core.tokens.settings);
  const forged = [
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.${'A'.repeat(43)}`,
    await foreign.issueAccess(staff.user.id, 0),
    await lastHour.issueAccess(staff.user.id, 0),
    await core.tokens.issueRefresh(staff.user.id, 0, randomUUID()),
    await core.tokens.issueAccess(randomUUID(), 0),
    await core.tokens.issueAccess(staff.user.id, 99),
    'garbage',
    'a.b.c',
    '',
  ];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constant(client.bearer) },
    { weight: 3, arbitrary: fc.constant(staff.bearer) },
    { weight: 2, arbitrary: fc.constantFrom(...forged).map((token) => `Bearer ${token}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Bearer',
        'Bearer  a b',
        'Basic dXNlcjpwYXNz',
        'Token abc',
        'bearer\t' + staff.access,
        `Bearer ${staff.access}x`,
      ),
    },
  );
}

function send(request: FuzzRequest): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.path, ts.server.url);
    // Node sends a GET body without framing unless told its length; a real client would frame it.
    const length = request.body ? { 'content-length': String(request.body.length) } : {};
    const req = http.request(url, { method: request.method, headers: { ...request.headers, ...length }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? '') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body ?? undefined);
  });
}

describe('fuzzing every route of the table', () => {
  it(`answers ${RUNS} hostile requests without a single 5xx and stays up`, async () => {
    const callers = await credentials();
    const knownIds = [staff.user.id, client.user.id, appointmentId, randomUUID()];
    const anyRequest = fc.constantFrom(...endpoints).chain((endpoint) => requestFor(endpoint, callers, knownIds));
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        const { status, contentType } = await send(request);
        seen.set(`${request.method} ${status}`, (seen.get(`${request.method} ${status}`) ?? 0) + 1);
        if (status >= 500) return false;
        // Every error body is JSON (a HEAD answer has no body to judge).
        return status < 400 || request.method === 'HEAD' || contentType.startsWith('application/json');
      }),
      { numRuns: RUNS, seed: 20_260_115, endOnFailure: true },
    );
    expect(seen.size).toBeGreaterThan(5);
    const alive = await send({ method: 'GET', path: '/api/', headers: {}, body: null });
    expect(alive.status).toBe(200);
  });
});
