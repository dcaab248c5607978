import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, BACKUP_DIR_NAME } from '../../src-server/db/backup.js';
import { createLogger } from '../../src-server/logger.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { requestBody } from '../server/meetings/helpers.js';

let ts: TestServer;
let staff: TestAccount;
let logFile: string;

const client = {
  email: 'zephyrine.quill@example.org',
  first_name: 'Zephyrine',
  last_name: 'Quillfeather',
  phone_number: '+49 151 98765432',
  password: 'Marmalade-Lighthouse-77',
};
const newPassword = 'Cobblestone-Nebula-31';
const wrongGuess = 'Wrong-Guess-Tangerine-5';
const personal = {
  first_name: 'Zephyrine',
  last_name: 'Quillfeather',
  email: 'zephyrine.contact@example.net',
  phone: '+49 171 5550123',
  reason: 'Nightmares since the flood in Vellmar',
};
const rejection = 'Referred to Dr. Oleander for trauma care';

beforeAll(async () => {
  logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'practice-log-')), 'server.log');
  // Everything down to debug goes to the file: the scan proves that no level writes a secret.
  ts = await startTestServer({ logger: createLogger('debug', pino.destination({ dest: logFile, sync: true })) });
  staff = await createAccount(ts, { staff: true });
});
afterAll(async () => {
  await ts.stop();
  fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
});

const codeFrom = (text: string) => /\b(\d{6})\b/.exec(text)![1];

/** A client's whole life through the API, collecting every secret that passes by. */
async function fullRun(): Promise<string[]> {
  const secrets: string[] = [
    client.password,
    newPassword,
    wrongGuess,
    staff.password,
    staff.access,
    rejection,
    ...Object.values(personal),
    client.email,
    client.phone_number,
  ];
  const api = ts.api;
  expect((await api.post('/api/auth/register/').send({ ...client, password2: client.password })).status).toBe(201);
  const code = codeFrom((await ts.mailbox.waitFor((mail) => mail.subject === 'Your verification code')).text);
  const verified = await api.post('/api/auth/verify-otp/').send({ email: client.email, otp: code });
  expect(verified.status).toBe(200);
  expect((await api.post('/api/auth/login/').send({ email: client.email, password: wrongGuess })).status).toBe(401);
  const login = await api.post('/api/auth/login/').send({ email: client.email, password: client.password });
  const refreshed = await api.post('/api/auth/token/refresh/').send({ refresh: login.body.refresh });
  expect(refreshed.status).toBe(200);
  secrets.push(
    code,
    verified.body.access,
    verified.body.refresh,
    login.body.access,
    login.body.refresh,
    refreshed.body.access,
    refreshed.body.refresh,
  );
  const bearer = `Bearer ${refreshed.body.access}`;
  expect(
    (await api.patch('/api/auth/profile/update/').set('Authorization', bearer).send({ phone_number: client.phone_number })).status,
  ).toBe(200);

  const [date] = (await api.get('/api/meetings/appointments/available-dates/')).body as string[];
  const request = () =>
    api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', bearer)
      .send(requestBody({ ...personal, preferred_dates: [date] }));
  const [first, second] = [(await request()).body, (await request()).body];
  const start = new Date(ts.clock.now().getTime() + 3 * 86_400_000).toISOString();
  expect(
    (
      await api
        .post(`/api/meetings/appointments/${first.id}/schedule/`)
        .set('Authorization', staff.bearer)
        .send({ scheduled_datetime: start })
    ).status,
  ).toBe(200);
  expect(
    (
      await api
        .post(`/api/meetings/appointments/${second.id}/reject/`)
        .set('Authorization', staff.bearer)
        .send({ rejection_reason: rejection })
    ).status,
  ).toBe(200);
  expect(
    (await api.get(`/api/meetings/appointments/?email=${encodeURIComponent(personal.email)}`).set('Authorization', staff.bearer)).body
      .count,
  ).toBe(2);

  ts.clock.advance(61_000);
  expect((await api.post('/api/auth/forgot-password/').send({ email: client.email })).status).toBe(200);
  const resetMail = await ts.mailbox.waitFor((mail) => mail.subject === 'Your password reset code');
  const resetCode = codeFrom(resetMail.text);
  secrets.push(resetCode);
  expect((await api.post('/api/auth/verify-password-reset-otp/').send({ email: client.email, otp: resetCode })).status).toBe(200);
  const reset = await api
    .post('/api/auth/reset-password/')
    .send({ email: client.email, otp: resetCode, new_password: newPassword, confirm_password: newPassword });
  expect(reset.status).toBe(200);
  return secrets;
}

/** Every row of every table as text: the database as anyone with the file (or the PostgreSQL role) sees it. */
async function databaseDump(): Promise<string> {
  const { sequelize, dialect } = ts.server.core.db;
  const tables = await sequelize.query<{ name: string }>(
    dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    { type: QueryTypes.SELECT },
  );
  const rows = await Promise.all(tables.map(({ name }) => sequelize.query(`SELECT * FROM "${name}"`, { type: QueryTypes.SELECT })));
  return JSON.stringify(rows);
}

function found(haystack: string, secrets: string[]): string[] {
  // A code counts only as a whole number: six digits inside a longer one (a timestamp) are no code.
  return secrets.filter((secret) =>
    /^\d+$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(haystack) : haystack.includes(secret),
  );
}

describe('secrets at rest after a full run', () => {
  it('no password, token, code or client personal data is readable in the logs, the database, its WAL or a backup', async () => {
    // The setup secret is the one secret the log carries on purpose (for the owner, at start): in that line only.
    const setupSecret = ts.server.setupSecret()!;
    expect(setupSecret).toBeTruthy();
    const secrets = await fullRun();
    // The session's reminder waits for its time (24 hours before the start): let that time come, so every mail goes out.
    ts.clock.advance(2.5 * 86_400_000);
    const OutboxMail = ts.server.core.db.models.OutboxMail;
    await expect.poll(() => OutboxMail.count({ where: { status: 'sent' } })).toBe(await OutboxMail.count());

    const places: Record<string, string> = { log: fs.readFileSync(logFile, 'utf8'), 'database rows': await databaseDump() };
    expect(places.log).toContain('"msg":"request"');
    if (ts.server.core.db.dialect === 'sqlite') {
      const backup = await backupDatabase(ts.server.core.db, path.join(ts.dataDir, BACKUP_DIR_NAME), ts.clock.now());
      for (const file of ['practice.db', 'practice.db-wal'].map((name) => path.join(ts.dataDir, name)).concat(backup)) {
        places[path.basename(file)] = fs.readFileSync(file).toString('latin1');
      }
      expect(places['practice.db-wal'].length).toBeGreaterThan(0);
    }
    const announced = places.log.split('\n').filter((line) => line.includes(setupSecret));
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatch(/"msg":"First-run setup is open: the setup screen asks for this setup secret: [0-9A-Z-]+"/);
    places.log = places.log.replace(announced[0], '');
    secrets.push(setupSecret);
    const leaks = Object.fromEntries(Object.entries(places).map(([place, content]) => [place, found(content, secrets)]));
    expect(leaks).toEqual(Object.fromEntries(Object.keys(places).map((place) => [place, []])));
  });
});
