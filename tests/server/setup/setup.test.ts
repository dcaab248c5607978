import os from 'node:os';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src-server/auth/passwords.js';
import { createLogger } from '../../../src-server/logger.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { USER_FIELDS } from '../../helpers/user-fields.js';

let ts: TestServer;
const logLines: { level: number; msg: string }[] = [];

const therapist = {
  email: 'Dr.Ruth@Practice.example ',
  password: 'violet-harbour-1987-lantern',
  password2: 'violet-harbour-1987-lantern',
  first_name: 'Ruth',
  last_name: 'Berg',
};

beforeAll(async () => {
  // Listening on every interface, so that the test can also knock from this machine's LAN address.
  ts = await startTestServer({
    withoutSmtp: true,
    env: { HOST: '0.0.0.0', PRACTICE_TIMEZONE: '' },
    logger: createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line)) }),
  });
});
afterAll(() => ts.stop());

/** What the owner reads on the console or in the log (the desktop window gets it through the bridge). */
const secretOf = (server: TestServer) => server.server.setupSecret()!;

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

describe('first-run setup', () => {
  it('says a fresh practice needs setup, with the settings the screen can prefill', async () => {
    const res = await ts.api.get('/api/setup/');
    expect(res.status).toBe(200);
    expect(res.body.needs_setup).toBe(true);
    expect(res.body.settings.jitsi_domain).toEqual({ value: 'meet.jit.si', source: 'default', editable: true });
    expect(Array.isArray(res.body.settings.lan_urls)).toBe(true);
  });

  it('refuses a request that came through a proxy or tunnel, even on this machine', async () => {
    const get = await ts.api.get('/api/setup/').set('X-Forwarded-For', '203.0.113.9');
    expect(get.status).toBe(403);
    const post = await ts.api.post('/api/setup/').set('X-Forwarded-Proto', 'https').send(therapist);
    expect(post.status).toBe(403);
    expect(post.body).toEqual({ detail: 'This is only possible on the practice computer itself.' });
  });

  it('refuses a web page that reaches this machine under a foreign host name', async () => {
    const res = await ts.api.post('/api/setup/').set('Host', `attacker.example:${ts.server.port}`).send(therapist);
    expect(res.status).toBe(403);
  });

  it.skipIf(!lanAddress)('refuses a device on the LAN', async () => {
    const res = await supertest(`http://${lanAddress}:${ts.server.port}`).post('/api/setup/').send(therapist);
    expect(res.status).toBe(403);
  });

  it('rejects a weak password and creates nothing', async () => {
    const res = await ts.api
      .post('/api/setup/')
      .send({ ...therapist, setup_secret: secretOf(ts), password: '12345678', password2: '12345678' });
    expect(res.status).toBe(400);
    expect(res.body.password.length).toBeGreaterThan(0);
    expect((await ts.api.get('/api/setup/')).body.needs_setup).toBe(true);
  });

  it('rejects a confirmation that does not match', async () => {
    const res = await ts.api
      .post('/api/setup/')
      .send({ ...therapist, setup_secret: secretOf(ts), password2: 'something-else-entirely-42' });
    expect(res.status).toBe(400);
    expect(res.body.password).toEqual(["Password fields didn't match."]);
  });

  it('rejects a setting that is not valid and creates no account', async () => {
    const res = await ts.api.post('/api/setup/').send({ ...therapist, setup_secret: secretOf(ts), practice_timezone: 'Mars/Olympus' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['practice_timezone']);
    expect((await ts.api.get('/api/setup/')).body.needs_setup).toBe(true);
  });

  it('refuses a request without the setup secret, as one through a plain TCP forwarder (ssh -R, socat) arrives', async () => {
    // Loopback, Host: localhost, no X-Forwarded-*: everything a request from the practice computer has, but the secret.
    const forwarded = () => ts.api.post('/api/setup/').set('Host', `localhost:${ts.server.port}`);
    const without = await forwarded().send(therapist);
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('setup_secret_invalid');
    const wrong = await forwarded().send({ ...therapist, setup_secret: 'AAAA-BBBB-CCCC-DDDD' });
    expect(wrong.status).toBe(403);
    expect(await ts.server.core.db.models.User.count()).toBe(0);
  });

  it('writes the setup secret to the log at start, for the owner', () => {
    expect(secretOf(ts)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const lines = logLines.filter((line) => line.msg.includes(secretOf(ts)));
    expect(lines).toHaveLength(1);
    expect(lines[0].msg).toMatch(/setup secret/);
  });

  it('creates the therapist account and the practice settings', async () => {
    // As typed by hand: any case, without the dashes.
    const typed = secretOf(ts).toLowerCase().replace(/-/g, '');
    const res = await ts.api
      .post('/api/setup/')
      .send({ ...therapist, setup_secret: typed, practice_timezone: 'Europe/Vienna', jitsi_domain: 'video.practice.example' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'dr.ruth@practice.example',
      first_name: 'Ruth',
      last_name: 'Berg',
      is_staff: true,
      is_active: true,
      is_verified: true,
    });
    expect(Object.keys(res.body.user).sort()).toEqual(USER_FIELDS);
    expect(await ts.server.core.settings.get('practice_timezone')).toBe('Europe/Vienna');
    expect(ts.server.setupSecret()).toBeNull();
  });

  it('gives an account that works as staff with the chosen password', async () => {
    const core = ts.server.core;
    const user = await core.db.models.User.findOne({ where: { is_staff: true } });
    expect(await verifyPassword(therapist.password, user!.password_hash)).toBe(true);
    const access = await core.tokens.issueAccess(user!.id, user!.token_version);
    const res = await ts.api.get('/api/admin/settings/').set('Authorization', `Bearer ${access}`);
    expect(res.status).toBe(200);
    expect(res.body.jitsi_domain).toEqual({ value: 'video.practice.example', source: 'database', editable: true });
  });

  it('is closed once the practice has its therapist', async () => {
    const status = await ts.api.get('/api/setup/');
    expect(status.body).toEqual({ needs_setup: false, settings: null });
    const again = await ts.api.post('/api/setup/').send({ ...therapist, email: 'intruder@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_set_up');
    expect(await ts.server.core.db.models.User.count()).toBe(1);
  });

  it('lets only one of two simultaneous setups through', async () => {
    const fresh = await startTestServer({ withoutSmtp: true });
    try {
      const setup_secret = secretOf(fresh);
      const [a, b] = await Promise.all([
        fresh.api.post('/api/setup/').send({ ...therapist, setup_secret }),
        fresh.api.post('/api/setup/').send({ ...therapist, setup_secret, email: 'other@practice.example' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
    } finally {
      await fresh.stop();
    }
  });

  it('throttles guessing the setup secret: after 5 wrong ones even the right one waits', async () => {
    const fresh = await startTestServer({ withoutSmtp: true });
    try {
      for (let guess = 0; guess < 5; guess++) {
        expect((await fresh.api.post('/api/setup/').send({ ...therapist, setup_secret: `GUES-S000-0000-000${guess}` })).status).toBe(403);
      }
      const right = await fresh.api.post('/api/setup/').send({ ...therapist, setup_secret: secretOf(fresh) });
      expect(right.status).toBe(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      expect(await fresh.server.core.db.models.User.count()).toBe(0);
    } finally {
      await fresh.stop();
    }
  });

  it('has no setup secret when the practice already has its therapist at start', async () => {
    const first = await startTestServer({ withoutSmtp: true });
    try {
      expect((await first.api.post('/api/setup/').send({ ...therapist, setup_secret: secretOf(first) })).status).toBe(201);
      await first.server.stop();
      const again = await startTestServer({
        withoutSmtp: true,
        env: { DATABASE_URL: first.server.core.config.databaseUrl, DATA_DIR: first.dataDir },
      });
      try {
        expect(again.server.setupSecret()).toBeNull();
      } finally {
        await again.stop();
      }
    } finally {
      await first.stop();
    }
  });
});
