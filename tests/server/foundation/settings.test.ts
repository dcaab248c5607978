import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true, env: { JITSI_DOMAIN: 'video.practice.example' } });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());

describe('practice settings', () => {
  it('say where each value comes from', async () => {
    const res = await ts.api.get('/api/admin/settings/').set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body.jitsi_domain).toEqual({ value: 'video.practice.example', source: 'environment', editable: false });
    expect(res.body.practice_timezone).toEqual({ value: 'Europe/Berlin', source: 'environment', editable: false });
    expect(res.body.smtp_url).toEqual({ value: null, source: 'default', editable: true });
    expect(Array.isArray(res.body.lan_urls)).toBe(true);
  });

  it('store a change and never return the SMTP password', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .send({ smtp_url: 'smtp://mailer:s3cret-pw@mail.example:587', email_from: 'Dr. Ruth <hello@practice.example>' });
    expect(res.status).toBe(200);
    expect(res.body.smtp_url).toEqual({ value: 'smtp://mailer:********@mail.example:587', source: 'database', editable: true });
    expect(JSON.stringify(res.body)).not.toContain('s3cret-pw');
    expect(res.body.email_from.value).toBe('Dr. Ruth <hello@practice.example>');
  });

  it('keep the stored SMTP password when the masked URL is sent back', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .send({ smtp_url: 'smtp://mailer:********@mail.example:587' });
    expect(res.status).toBe(200);
    expect(await ts.server.core.settings.get('smtp_url')).toBe('smtp://mailer:s3cret-pw@mail.example:587');
  });

  it('never send the stored SMTP password to another server, port, scheme or user', async () => {
    for (const elsewhere of [
      'smtp://mailer:********@attacker.example:587',
      'smtp://mailer:********@mail.example:2525',
      'smtps://mailer:********@mail.example:587',
      'smtp://someone-else:********@mail.example:587',
    ]) {
      const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ smtp_url: elsewhere });
      expect(res.status, elsewhere).toBe(400);
      expect(res.body.smtp_url[0]).toMatch(/password again/);
    }
    expect(await ts.server.core.settings.get('smtp_url')).toBe('smtp://mailer:s3cret-pw@mail.example:587');
  });

  it('refuse to change what the environment fixes', async () => {
    const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ jitsi_domain: 'other.example' });
    expect(res.status).toBe(400);
    expect(res.body.jitsi_domain[0]).toMatch(/JITSI_DOMAIN/);
  });

  it('refuse control characters in a value', async () => {
    const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ email_from: 'a\u0000@b.de' });
    expect(res.status).toBe(400);
    expect(res.body.email_from).toEqual(['Control characters are not allowed.']);
  });

  it('go back to the default when cleared', async () => {
    const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ email_from: null });
    expect(res.body.email_from).toEqual({ value: 'Practice <no-reply@localhost>', source: 'default', editable: true });
  });
});
