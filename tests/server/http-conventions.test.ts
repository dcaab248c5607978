import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;

beforeAll(async () => {
  ts = await startTestServer();
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
});
afterAll(() => ts.stop());

describe('HTTP conventions', () => {
  it('an unknown API path is a JSON 404', async () => {
    const res = await ts.api.get('/api/no-such-thing/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('a wrong method is a 405 naming the method, with an Allow header', async () => {
    const res = await ts.api.delete('/api/');
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('paths work with and without the trailing slash', async () => {
    expect((await ts.api.get('/api')).status).toBe(200);
    expect((await ts.api.get('/api/admin/settings').set('Authorization', staff.bearer)).status).toBe(200);
    expect((await ts.api.get('/api/admin/settings/').set('Authorization', staff.bearer)).status).toBe(200);
  });

  it('a malformed UUID in the path is a 404, not a 500', async () => {
    const res = await ts.api.post('/api/admin/outbox/not-a-uuid/retry/').set('Authorization', staff.bearer);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('malformed JSON is a 400 parse error', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .set('Content-Type', 'application/json')
      .send('{"practice_timezone": ');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/JSON parse error/);
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(415);
    expect(res.body.detail).toMatch(/Unsupported media type/);
  });

  it('a body over 1 MiB is a 413', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email_from: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('a JSON body that is not an object is a 400 in non_field_errors', async () => {
    const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send([1, 2]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });

  it('wrong types are 400s keyed by field', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .send({ practice_timezone: 42, email_from: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ practice_timezone: ['Not a valid string.'], email_from: ['Not a valid string.'] });
    const rule = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ jitsi_domain: 'not a host' });
    expect(rule.status).toBe(400);
    expect(rule.body.jitsi_domain[0]).toMatch(/host name/);
  });

  it('no credentials on a staff route is a 401 with WWW-Authenticate', async () => {
    const res = await ts.api.get('/api/admin/settings/');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.', code: 'not_authenticated' });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('a forged token is a 401 token_not_valid', async () => {
    const res = await ts.api.get('/api/admin/settings/').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJ1c2VyX2lkIjoieCJ9.');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_not_valid');
  });

  it('a client on a staff route is a 403', async () => {
    const res = await ts.api.get('/api/admin/settings/').set('Authorization', client.bearer);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: 'You do not have permission to perform this action.' });
  });

  it('answers carry security headers and no X-Powered-By', async () => {
    const res = await ts.api.get('/api/');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('paging parameters out of range are a 404 "Invalid page."', async () => {
    const res = await ts.api.get('/api/admin/outbox/?page=99').set('Authorization', staff.bearer);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Invalid page.' });
  });
});

describe('an unexpected failure', () => {
  it('is a bare JSON 500: no stack, no SQL, no values in the answer or the log', async () => {
    const express = (await import('express')).default;
    const supertest = (await import('supertest')).default;
    const { errorHandler } = await import('../../src-server/http/error-handler.js');
    const { createLogger } = await import('../../src-server/logger.js');
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    const app = express();
    app.get('/boom', () => {
      throw new Error("SQLITE_CONSTRAINT: INSERT INTO users VALUES ('ada@example.com')");
    });
    app.use(errorHandler(logger));
    const res = await supertest(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: 'Internal server error.' });
    expect(lines.join('\n')).not.toContain('ada@example.com');
    expect(lines.join('\n')).toContain('unhandled error');
  });
});
