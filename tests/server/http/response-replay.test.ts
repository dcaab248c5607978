// Kept answers replayed without Express (src-server/http/response-replay.ts): byte for byte what Express sent, never
// another caller's, never after a write, an expired token or a change of time, logged like any other request. On
// PostgreSQL the replay is off: the same answers come from Express, and nothing is replayed.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { committedWriteVersion } from '../../../src-server/db/write-version.js';
import { REQUEST_LINE_FIELDS } from '../../../src-server/http/request-log.js';
import { createLogger, REDACTED_PATHS } from '../../../src-server/logger.js';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from '../meetings/helpers.js';

const OWN = '/api/meetings/user/appointments/';
const STAFF_LIST = '/api/meetings/appointments/?status=pending_review';
const DATES = '/api/meetings/appointments/available-dates/';
const SLOTS = '/api/meetings/appointments/available-slots/?from=2026-03-30&to=2026-04-03';

interface RawAnswer {
  status: number;
  /** Every header as sent (name in its letter case, in order), Date left out: it is the only one that may differ. */
  headers: string[];
  body: Buffer;
}

/** One GET over a plain connection, so headers are seen as sent, letter case and order included. */
function rawGet(ts: TestServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: ts.server.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const sent: string[] = [];
        for (let n = 0; n < res.rawHeaders.length; n += 2) {
          if (res.rawHeaders[n].toLowerCase() !== 'date') sent.push(`${res.rawHeaders[n]}: ${res.rawHeaders[n + 1]}`);
        }
        resolve({ status: res.statusCode ?? 0, headers: sent, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function logCollector(): { lines: Record<string, unknown>[]; stream: { write(line: string): void } } {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

/**
 * Waits until the server's own background work (mail delivery, reminders) has written what it will for now: each of
 * its writes rightly drops every kept answer, so a replay is only to be expected once it is quiet.
 */
async function quiet(ts: TestServer): Promise<void> {
  let version = await committedWriteVersion(ts.server.core.db);
  for (;;) {
    await sleep(300);
    const now = await committedWriteVersion(ts.server.core.db);
    if (now === version) return;
    version = now;
  }
}

/** How many answers the replay sends while `run` runs. */
async function expectReplayed<T>(ts: TestServer, expected: number, run: () => Promise<T>): Promise<T> {
  const before = ts.server.replayed();
  const result = await run();
  expect(ts.server.replayed() - before).toBe(expected);
  return result;
}

describe('replayed answers', () => {
  const clock = new TestClock('2026-03-23T08:00:00Z');
  const log = logCollector();
  let ts: TestServer;
  let staff: TestAccount;
  let ada: TestAccount;
  let grace: TestAccount;
  let adaToken: string;
  let graceToken: string;
  let staffToken: string;

  const own = async (token: string) => {
    const res = await rawGet(ts, OWN, { Authorization: token });
    expect(res.status, res.body.toString()).toBe(200);
    return JSON.parse(res.body.toString()) as { count: number; results: Record<string, unknown>[] };
  };

  beforeAll(async () => {
    ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '20' }, logger: createLogger('info', log.stream) });
    staff = await createAccount(ts, { staff: true });
    ada = await createAccount(ts);
    grace = await createAccount(ts);
    await createRequest(ts, ada, { first_name: 'Ada' });
    await createRequest(ts, grace, { first_name: 'Grace' });
    [adaToken, graceToken, staffToken] = [await bearer(ts, ada), await bearer(ts, grace), await bearer(ts, staff)];
    await quiet(ts);
  });
  afterAll(() => ts.stop());

  it('are what Express sent: the same status, headers in the same order and case (but Date), and body', async () => {
    for (const [path, token] of [
      [OWN, adaToken],
      [STAFF_LIST, staffToken],
      ['/api/', undefined],
      [DATES, undefined],
      [SLOTS, undefined],
    ]) {
      const headers: Record<string, string> = token ? { Authorization: token } : {};
      const first = await rawGet(ts, path!, headers);
      expect(first.status, path).toBe(200);
      const again = await expectReplayed(ts, 1, () => rawGet(ts, path!, headers));
      expect(again, path).toEqual(first);
      expect(first.headers).toContain('Cache-Control: no-store');
    }
  });

  it("never gives another caller's token the first caller's page, nor another spelling of the same token", async () => {
    expect((await own(adaToken)).results.map((row) => row.first_name)).toEqual(['Ada']);
    expect((await expectReplayed(ts, 0, () => own(graceToken))).results.map((row) => row.first_name)).toEqual(['Grace']);
    expect((await expectReplayed(ts, 1, () => own(adaToken))).results.map((row) => row.first_name)).toEqual(['Ada']);
    // The same token with the scheme in lower case: the same caller, but not the same header, so Express answers.
    const lowerCase = adaToken.replace('Bearer', 'bearer');
    expect((await expectReplayed(ts, 0, () => own(lowerCase))).results.map((row) => row.first_name)).toEqual(['Ada']);
  });

  it('are dropped by any write: a new request, a decision, a deactivation (then a 401, not the kept page)', async () => {
    const before = await own(adaToken);
    const created = await createRequest(ts, ada, { first_name: 'Ada', reason: 'A second request' });
    expect((await expectReplayed(ts, 0, () => own(adaToken))).count).toBe(before.count + 1);

    await own(adaToken);
    const rejected = await ts.api
      .post(`/api/meetings/appointments/${String(created.id)}/reject/`)
      .set('Authorization', staffToken)
      .send({ rejection_reason: 'Fully booked' });
    expect(rejected.status).toBe(200);
    const page = await expectReplayed(ts, 0, () => own(adaToken));
    expect(page.results.find((row) => row.id === created.id)?.status).toBe('rejected');

    await own(graceToken);
    const deactivated = await ts.api.post(`/api/auth/activate-deactivate-user/${grace.user.id}/`).set('Authorization', staffToken);
    expect(deactivated.status).toBe(200);
    const refused = await expectReplayed(ts, 0, () => rawGet(ts, OWN, { Authorization: graceToken }));
    expect(refused.status).toBe(401);
  });

  it('end with the access token: a 401 from the moment it expires, with no write in between', async () => {
    const expiresAt = (await ts.server.core.tokens.verify(adaToken.slice('Bearer '.length), 'access')).exp * 1000;
    clock.set(new Date(expiresAt - 1));
    await quiet(ts);
    await own(adaToken);
    await expectReplayed(ts, 1, () => own(adaToken));
    clock.set(new Date(expiresAt));
    const expired = await expectReplayed(ts, 0, () => rawGet(ts, OWN, { Authorization: adaToken }));
    expect(expired.status).toBe(401);
    adaToken = await bearer(ts, ada);
    staffToken = await bearer(ts, staff);
  });

  it("end when time changes the answer: the practice's midnight, a session's join window", async () => {
    clock.set('2026-03-23T22:59:00Z'); // 23:59 in Berlin (UTC+1)
    await quiet(ts);
    const dates = async () => JSON.parse((await rawGet(ts, DATES)).body.toString()) as string[];
    expect((await dates())[0]).toBe('2026-03-24');
    expect((await expectReplayed(ts, 1, dates))[0]).toBe('2026-03-24');
    clock.set('2026-03-23T23:00:00Z'); // midnight in Berlin
    expect((await expectReplayed(ts, 0, dates))[0]).toBe('2026-03-25');
    adaToken = await bearer(ts, ada);

    const request = await createRequest(ts, ada, { first_name: 'Ada', reason: 'A session' });
    expect((await schedule(ts, staff, request.id, '2026-03-26T10:00', 60)).status).toBe(200);
    const session = async () => (await own(adaToken)).results.find((row) => row.id === request.id)!;
    const start = Date.parse((await session()).scheduled_datetime as string);
    clock.set(new Date(start - 10 * 60_000 - 1));
    adaToken = await bearer(ts, ada); // signed at the new time
    await quiet(ts);
    expect((await session()).can_join_meeting).toBe(false);
    expect((await expectReplayed(ts, 1, session)).can_join_meeting).toBe(false);
    clock.set(new Date(start - 10 * 60_000));
    expect((await expectReplayed(ts, 0, session)).can_join_meeting).toBe(true);
  });

  it('are logged like any request: address, method, path without its query, status', async () => {
    await rawGet(ts, SLOTS);
    const count = () =>
      log.lines.filter((line) => line.msg === 'request' && line.path === '/api/meetings/appointments/available-slots/').length;
    const before = count();
    await expectReplayed(ts, 1, () => rawGet(ts, SLOTS));
    expect(count()).toBe(before + 1);
    expect(log.lines.at(-1)).toMatchObject({ method: 'GET', path: '/api/meetings/appointments/available-slots/', status: 200 });
    expect(log.lines.at(-1)?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(typeof log.lines.at(-1)?.ms).toBe('number');
    expect(JSON.stringify(log.lines)).not.toContain('from=');
  });

  it('are logged without redaction, which could not change a request line: none of its fields is a redacted name', () => {
    expect(REQUEST_LINE_FIELDS.filter((field) => REDACTED_PATHS.includes(field))).toEqual([]);
    const request = log.lines.filter((line) => line.msg === 'request').at(-1)!;
    expect(Object.keys(request).sort()).toEqual([...REQUEST_LINE_FIELDS, 'level', 'msg', 'time'].sort());
  });

  it('keep the API root for a caller without a token across writes (it reads nothing stored), not for a signed-in one', async () => {
    const headers = { Host: 'root.example' };
    const first = await rawGet(ts, '/api/', headers);
    await rawGet(ts, '/api/', { ...headers, Authorization: adaToken });
    await createRequest(ts, ada, { first_name: 'Ada', reason: 'A write between two reads of the root' });
    expect(await expectReplayed(ts, 1, () => rawGet(ts, '/api/', headers))).toEqual(first);
    // With a token the router checks it again after a write (it may have been revoked).
    expect((await expectReplayed(ts, 0, () => rawGet(ts, '/api/', { ...headers, Authorization: adaToken }))).status).toBe(200);
  });

  it('are kept apart per Host and Origin: the API root names the host it was asked on', async () => {
    const root = async (headers: Record<string, string>) =>
      JSON.parse((await rawGet(ts, '/api/', headers)).body.toString()) as { base_url: string };
    const local = await root({});
    expect((await expectReplayed(ts, 1, () => root({}))).base_url).toBe(local.base_url);
    expect((await expectReplayed(ts, 0, () => root({ Host: 'practice.example:8443' }))).base_url).toBe('http://practice.example:8443/api/');
    expect((await expectReplayed(ts, 1, () => root({ Host: 'practice.example:8443' }))).base_url).toBe('http://practice.example:8443/api/');
    // Not trusted here (no TRUST_PROXY): forwarded headers change nothing, but are a request of their own.
    expect((await expectReplayed(ts, 0, () => root({ 'X-Forwarded-Host': 'elsewhere.example' }))).base_url).toBe(local.base_url);
    await expectReplayed(ts, 0, () => root({ Origin: 'https://elsewhere.example' }));
  });

  it('leave to Express what it answers differently: HEAD, conditional GETs, a GET with a body', async () => {
    await rawGet(ts, DATES);
    const head = await expectReplayed(ts, 0, () => rawGet(ts, DATES, {}, 'HEAD'));
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const conditional = await expectReplayed(ts, 0, () => rawGet(ts, DATES, { 'If-None-Match': '*' }));
    expect(conditional.status).toBe(304);
    const withBody = await expectReplayed(ts, 0, () => ts.api.get(DATES).set('Content-Type', 'text/plain').send('not JSON'));
    expect(withBody.status).toBe(415);
  });
});

describe('replayed answers behind a trusted proxy (TRUST_PROXY=1)', () => {
  const log = logCollector();
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ env: { TRUST_PROXY: '1' }, logger: createLogger('info', log.stream) });
  });
  afterAll(() => ts.stop());

  it('keep the forwarded scheme and host apart, and log the forwarded client', async () => {
    const root = async (headers: Record<string, string>) =>
      JSON.parse((await rawGet(ts, '/api/', headers)).body.toString()) as { base_url: string };
    const tunnel = { 'X-Forwarded-Host': 'practice.example.org', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.7' };
    expect((await root(tunnel)).base_url).toBe('https://practice.example.org/api/');
    expect((await expectReplayed(ts, 1, () => root(tunnel))).base_url).toBe('https://practice.example.org/api/');
    expect(log.lines.at(-1)).toMatchObject({ ip: '198.51.100.7', method: 'GET', path: '/api/', status: 200 });
    expect((await expectReplayed(ts, 0, () => root({ ...tunnel, 'X-Forwarded-Proto': 'http' }))).base_url).toBe(
      'http://practice.example.org/api/',
    );
    expect((await expectReplayed(ts, 0, () => root({ ...tunnel, 'X-Forwarded-Host': 'other.example.org' }))).base_url).toBe(
      'https://other.example.org/api/',
    );
  });
});
