// How the server meets the network: trusted proxies, the Host header, caching of API answers, the request log.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src-server/logger.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';

/** Log lines as JSON objects, as the server's logger writes them. */
function logCollector(): { lines: Record<string, unknown>[]; stream: { write(line: string): void } } {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

/** A request with a Host header that supertest would refuse to send. */
function withRawHost(ts: TestServer, path: string, host: string): Promise<{ status: number; type: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: ts.server.port, path, headers: { Host: host } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('behind a tunnel (TRUST_PROXY=1)', () => {
  let ts: TestServer;
  const log = logCollector();
  beforeAll(async () => {
    ts = await startTestServer({ env: { TRUST_PROXY: '1', RATE_LIMIT_AUTH: '3' }, logger: createLogger('info', log.stream) });
  });
  afterAll(() => ts.stop());

  // The tunnel agent appends the address it saw; everything to the left of it is whatever the caller wrote.
  const throughTunnel = (forged: string) => ({ 'X-Forwarded-For': `${forged}, 198.51.100.7` });

  it('a caller who rotates the left-most X-Forwarded-For still meets the auth throttle', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await ts.api
        .post('/api/auth/forgot-password/')
        .set(throughTunnel(`10.0.0.${i}`))
        .send({ email: `nobody${i}@example.com` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('another client behind the same tunnel has its own budget', async () => {
    const res = await ts.api
      .post('/api/auth/forgot-password/')
      .set('X-Forwarded-For', '203.0.113.50')
      .send({ email: 'someone@example.com' });
    expect(res.status).toBe(200);
  });

  it('the API root still takes the public scheme and host from the tunnel', async () => {
    const res = await ts.api.get('/api/').set('X-Forwarded-Host', 'practice.example.org').set('X-Forwarded-Proto', 'https');
    expect(res.body.base_url).toBe('https://practice.example.org/api/');
  });

  it('the request log names the forwarded client, never the query string', async () => {
    await ts.api.get('/api/meetings/appointments/?email=zephyrine%40example.org&token=cal-secret-123').set(throughTunnel('10.9.9.9'));
    const line = log.lines.find((entry) => entry.msg === 'request' && entry.path === '/api/meetings/appointments/');
    expect(line).toMatchObject({ ip: '198.51.100.7', method: 'GET', status: 401 });
    const text = JSON.stringify(log.lines);
    expect(text).not.toContain('zephyrine');
    expect(text).not.toContain('cal-secret-123');
    expect(text).not.toContain('10.9.9.9');
  });
});

describe('with TRUST_PROXY naming the tunnel agent (loopback)', () => {
  it('takes the address the agent saw, and ignores a chain longer than the agent', async () => {
    const ts = await startTestServer({ env: { TRUST_PROXY: 'loopback', RATE_LIMIT_AUTH: '2' } });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 3; i++) {
        const res = await ts.api
          .post('/api/auth/forgot-password/')
          .set('X-Forwarded-For', `10.0.0.${i}, 198.51.100.8`)
          .send({ email: `agent${i}@example.com` });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await ts.stop();
    }
  });
});

describe('every API answer', () => {
  let ts: TestServer;
  let client: TestAccount;
  const log = logCollector();
  beforeAll(async () => {
    ts = await startTestServer({ logger: createLogger('info', log.stream) });
    client = await createAccount(ts);
  });
  afterAll(() => ts.stop());

  it('is never kept by a browser or proxy: Cache-Control no-store, errors and the API root included', async () => {
    const answers = await Promise.all([
      ts.api.post('/api/auth/login/').send({ email: client.email, password: client.password }),
      ts.api.get('/api/auth/profile/').set('Authorization', client.bearer),
      ts.api.get('/api/auth/profile/'),
      ts.api.get('/api/no-such-thing/'),
      ts.api.get('/api/'),
      ts.api.get('/api/schema/'),
    ]);
    expect(answers.map((res) => res.status)).toEqual([200, 200, 401, 404, 200, 200]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a malformed Host header is a 400 with a JSON body, never a 500', async () => {
    for (const [path, host] of [
      ['/api/setup/', '[::1'],
      ['/api/auth/profile/', 'practice.example/evil'],
      ['/api/', 'user@practice.example'],
    ]) {
      const res = await withRawHost(ts, path, host);
      expect({ path, host, status: res.status, type: res.type, body: res.body }).toEqual({
        path,
        host,
        status: 400,
        type: 'application/json; charset=utf-8',
        body: { detail: 'The Host header is not a valid host name.', code: 'invalid_host' },
      });
    }
  });

  it('a path that cannot be decoded is a JSON 404, not a 500', async () => {
    const res = await ts.api.get('/api/auth/delete-user/%E0%A4%A/').set('Authorization', client.bearer);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('an unknown path under /api is JSON for every method and any letter case', async () => {
    for (const res of [
      await ts.api.post('/api/no-such-thing/').send({}),
      await ts.api.delete('/api/auth/nothing'),
      await ts.api.get('/API/nothing/'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(res.body).toEqual({ detail: 'Not found.' });
    }
  });

  it('the request log names the direct client address', async () => {
    await ts.api.get('/api/auth/profile/?email=someone%40example.org');
    const line = log.lines.find((entry) => entry.msg === 'request' && entry.path === '/api/auth/profile/');
    expect(line?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(JSON.stringify(log.lines)).not.toContain('someone');
  });
});
