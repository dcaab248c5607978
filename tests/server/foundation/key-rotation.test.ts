// Rotating the encryption key, by the README's steps and by `npm run rotate-key`: nobody is locked out, nothing is lost.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYCHAIN_KEY_FILE_NAME, obtainEncryptionKey, writeRecoveryKeyFile } from '../../../src-main/encryption-key.js';
import { KEY_FILE_NAME, keyId } from '../../../src-server/crypto/keys.js';
import { CLEARED_TABLES, RECOMPUTED_INDEXES } from '../../../src-server/key-rotation.js';
import { createLogger } from '../../../src-server/logger.js';
import { startPracticeServer } from '../../../src-server/server.js';
import { keychain } from '../../helpers/keychain.js';
import { Mailbox } from '../../helpers/mailbox.js';
import { TestClock } from '../../helpers/test-clock.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { tempDataDir, testServerConfig, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { createRequest, schedule } from '../meetings/helpers.js';

const CONTACT = {
  first_name: 'Ottilie',
  last_name: 'Brandvold',
  email: 'ottilie.b@example.net',
  phone: '+47 912 34 567',
  reason: 'Grief after a loss',
};

let dataDir: string;
let database: TestDatabase;
let mailbox: Mailbox;
let running: TestServer | undefined;
const clock = new TestClock('2026-03-20T10:00:00Z');

beforeEach(async () => {
  dataDir = tempDataDir();
  database = await createTestDatabase();
  mailbox = await new Mailbox().start();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await mailbox.stop();
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A server on this test's data directory and database, which outlive it: stop and start again as a practice would. */
async function start(env: Record<string, string> = {}, encryptionKeys?: Buffer[]): Promise<TestServer> {
  const config = testServerConfig(database, dataDir, { RATE_LIMIT_AUTH: '10000', SMTP_URL: mailbox.url, ...env });
  const server = await startPracticeServer({
    config,
    encryptionKeys,
    clock,
    logger: createLogger('silent'),
    delivery: { pollMs: 100, baseBackoffMs: 200, maxBackoffMs: 1_000 },
    shutdownGraceMs: 2_000,
  });
  running = { server, api: supertest.agent(server.http), clock, mailbox, dataDir, stop: () => server.stop() };
  return running;
}

async function stop(): Promise<void> {
  await running?.stop();
  running = undefined;
}

function rotateKey(env: Record<string, string> = {}) {
  return spawnSync('npx', ['tsx', 'scripts/rotate-key.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ENCRYPTION_KEY: '', ...database.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function keyFileLines(): string[] {
  return fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').split('\n').filter(Boolean);
}

interface Practice {
  staff: TestAccount;
  client: TestAccount;
  /** A refresh token the client got by signing in before the rotation. */
  refresh: string;
  session: { id: string; jitsi_room_id: string; jitsi_meet_url: string };
}

/** A practice with a client who signed in, asked for a session with contact details, and got it scheduled (and mailed). */
async function practiceWithASession(ts: TestServer): Promise<Practice> {
  const staff = await createAccount(ts, { staff: true });
  const client = await createAccount(ts);
  const login = await ts.api.post('/api/auth/login/').send({ email: client.email, password: client.password });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const request = await createRequest(ts, client, CONTACT);
  const session = (await schedule(ts, staff, request.id, '2026-03-30T10:00:00+02:00')).body;
  expect(session.jitsi_meet_url, JSON.stringify(session)).toBeTruthy();
  await mailbox.waitFor((mail) => mail.text.includes(session.jitsi_meet_url));
  return { staff, client, refresh: login.body.refresh, session };
}

/** Signing in, the appointment with its decrypted details and link, and the staff's search by email all still work. */
async function expectEverythingReadable(ts: TestServer, practice: Practice): Promise<void> {
  const staffLogin = await ts.api
    .post('/api/auth/login/')
    .send({ email: practice.staff.email.toUpperCase(), password: practice.staff.password });
  expect(staffLogin.status, JSON.stringify(staffLogin.body)).toBe(200);
  const clientLogin = await ts.api.post('/api/auth/login/').send({ email: practice.client.email, password: practice.client.password });
  expect(clientLogin.status).toBe(200);
  const staffBearer = `Bearer ${staffLogin.body.access}`;
  const appointment = await ts.api.get(`/api/meetings/appointments/${practice.session.id}/`).set('Authorization', staffBearer);
  expect(appointment.status).toBe(200);
  expect(appointment.body).toMatchObject({
    ...CONTACT,
    jitsi_room_id: practice.session.jitsi_room_id,
    jitsi_meet_url: practice.session.jitsi_meet_url,
  });
  const found = await ts.api
    .get(`/api/meetings/appointments/?email=${encodeURIComponent(CONTACT.email)}`)
    .set('Authorization', staffBearer);
  expect(found.body.results.map((result: { id: string }) => result.id)).toEqual([practice.session.id]);
  const own = await ts.api.get('/api/meetings/user/appointments/').set('Authorization', `Bearer ${clientLogin.body.access}`);
  expect(own.body.results[0]).toMatchObject({ id: practice.session.id, jitsi_meet_url: practice.session.jitsi_meet_url });
}

/** Every ciphertext stored anywhere in the database names the key it was written with: the ids found. */
async function keyIdsInDatabase(ts: TestServer): Promise<Set<string>> {
  const { sequelize } = ts.server.core.db;
  const ids = new Set<string>();
  for (const model of Object.values(sequelize.models)) {
    const table = model.getTableName() as string;
    const rows = await sequelize.query<Record<string, unknown>>(`SELECT * FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`, {
      type: QueryTypes.SELECT,
    });
    for (const row of rows)
      for (const value of Object.values(row)) if (typeof value === 'string' && value.startsWith('enc1:')) ids.add(value.split(':')[1]);
  }
  return ids;
}

describe('a new key put first in the key file, the old one kept below (the README before rotate-key)', () => {
  it('keeps sign-in, tokens, the decrypted details and the search by email working', async () => {
    const ts = await start();
    const practice = await practiceWithASession(ts);
    await stop();
    const [oldKey] = keyFileLines();
    fs.writeFileSync(path.join(dataDir, KEY_FILE_NAME), `${randomBytes(32).toString('base64')}\n${oldKey}\n`, { mode: 0o600 });

    const after = await start();
    await expectEverythingReadable(after, practice);
    expect((await after.api.post('/api/auth/token/refresh/').send({ refresh: practice.refresh })).status).toBe(200);
  });

  it('refuses to start, saying which key is missing, when the key the email indexes were made with is removed', async () => {
    await start();
    await stop();
    const [oldKey] = keyFileLines();
    fs.writeFileSync(path.join(dataDir, KEY_FILE_NAME), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await expect(start()).rejects.toThrow(
      new RegExp(`made with encryption key ${keyId(Buffer.from(oldKey, 'base64'))}, which is not among the keys given`),
    );
  });
});

describe('npm run rotate-key', () => {
  it('knows every blind-index column: each is re-computed, or its table emptied', async () => {
    const { sequelize } = (await start()).server.core.db;
    for (const model of Object.values(sequelize.models)) {
      const table = model.getTableName() as string;
      for (const column of Object.keys(model.getAttributes()).filter((name) => name.endsWith('_index'))) {
        const handled =
          CLEARED_TABLES.includes(table) || RECOMPUTED_INDEXES.some((entry) => entry.table === table && entry.column === column);
        expect(handled, `${table}.${column}`).toBe(true);
      }
    }
  });

  it('re-encrypts everything under a new key in the key file and drops the old key; everyone signs in again', async () => {
    const ts = await start();
    const practice = await practiceWithASession(ts);
    await stop();
    const [oldKey] = keyFileLines();

    const run = rotateKey();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Rotated the encryption key to [0-9a-f]{8}: \d+ values re-encrypted, 3 email indexes re-computed/);
    const lines = keyFileLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toBe(oldKey);
    expect(fs.statSync(path.join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);

    const after = await start();
    expect([...(await keyIdsInDatabase(after))]).toEqual([keyId(Buffer.from(lines[0], 'base64'))]);
    await expectEverythingReadable(after, practice);
    // Tokens end at a rotation: the old key signed them, and a rotation after a leak must not keep them alive.
    expect((await after.api.post('/api/auth/token/refresh/').send({ refresh: practice.refresh })).status).toBe(401);
    expect((await after.api.get('/api/auth/profile/').set('Authorization', practice.client.bearer)).status).toBe(401);
  });

  it('with ENCRYPTION_KEY: prints the new key to set, and only that key opens the database afterwards', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const ts = await start({ ENCRYPTION_KEY: oldKey });
    const practice = await practiceWithASession(ts);
    await stop();

    const run = rotateKey({ ENCRYPTION_KEY: oldKey });
    expect(run.status, run.stderr).toBe(0);
    const newKey = /^ENCRYPTION_KEY=(\S+)$/m.exec(run.stdout)?.[1];
    expect(newKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);

    await expect(start({ ENCRYPTION_KEY: oldKey })).rejects.toThrow(/not among the keys given/);
    await expectEverythingReadable(await start({ ENCRYPTION_KEY: newKey! }), practice);
  });

  it('refuses a key that did not make this database, and changes nothing', async () => {
    await start();
    await stop();
    const before = keyFileLines();
    const run = rotateKey({ ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Configuration error: .*not among the keys given/);
    expect(keyFileLines()).toEqual(before);
  });

  it('on the desktop: refuses while the key is in the OS keychain, and rotates through the saved recovery key', async () => {
    const desktopKey = () => obtainEncryptionKey({ dataDir, safeStorage: keychain('gnome_libsecret'), platform: 'linux' });
    const first = desktopKey();
    expect(first.status.protection).toBe('keychain');
    const practice = await practiceWithASession(await start({}, first.keys));
    await stop();

    const refused = rotateKey();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Configuration error: The desktop app keeps this practice's key in the OS keychain/);

    // The README's steps: the recovery key saved as the key file, the keychain's copy deleted, then rotate-key.
    writeRecoveryKeyFile(path.join(dataDir, KEY_FILE_NAME), first.keys);
    fs.rmSync(path.join(dataDir, KEYCHAIN_KEY_FILE_NAME));
    const run = rotateKey();
    expect(run.status, run.stderr).toBe(0);

    // The next start moves the new key into the keychain and removes the key file.
    const next = desktopKey();
    expect(next.status.protection).toBe('keychain');
    expect(next.keys[0].equals(first.keys[0])).toBe(false);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
    await expectEverythingReadable(await start({}, next.keys), practice);
  });
});
