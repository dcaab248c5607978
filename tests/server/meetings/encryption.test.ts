// A raw look at the data directory (database, WAL, shared memory) shows no client's name, email, phone, reason or session link.
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database.js';
import { TestClock } from '../../helpers/test-clock.js';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { createRequest, schedule } from './helpers.js';

const PERSONAL = {
  first_name: 'Wilhelmina',
  last_name: 'Quartermaine',
  email: 'wilhelmina.q@example.net',
  phone: '+49 151 98765432',
  reason: 'Panic attacks on the tram',
};
const REJECTION_REASON = 'Fully booked until summer';

let ts: TestServer;
let staff: TestAccount;
/** The scheduled session: its room id and link are the only credential to join it. */
let session: { id: string; jitsi_room_id: string; jitsi_meet_url: string };

beforeAll(async () => {
  ts = await startTestServer({ clock: new TestClock('2026-03-20T10:00:00Z') });
  staff = await createAccount(ts, { staff: true });
  const client = await createAccount(ts);
  const request = await createRequest(ts, client, PERSONAL);
  await ts.api
    .post(`/api/meetings/appointments/${String(request.id)}/reject/`)
    .set('Authorization', staff.bearer)
    .send({ rejection_reason: REJECTION_REASON });
  await ts.mailbox.waitFor((mail) => mail.text.includes(REJECTION_REASON));
  const toSchedule = await createRequest(ts, client, PERSONAL);
  session = (await schedule(ts, staff, toSchedule.id, '2026-03-30T10:00:00+02:00')).body;
  expect(session.jitsi_room_id, JSON.stringify(session)).toMatch(/^session-/);
  await ts.mailbox.waitFor((mail) => mail.text.includes(session.jitsi_meet_url));
});

function appointmentOf(id: string) {
  return ts.api.get(`/api/meetings/appointments/${id}/`).set('Authorization', staff.bearer);
}
afterAll(() => ts.stop());

describe('appointments at rest', () => {
  // The SQLite files; on PostgreSQL the rows test below and tests/reliability/secrets.test.ts cover the data at rest.
  it.skipIf(onPostgres)('leave no plaintext personal data in the database file, its WAL or its shared memory', () => {
    const files = fs.readdirSync(ts.dataDir).filter((name) => name.startsWith('practice.db'));
    expect(files).toContain('practice.db-wal');
    const bytes = Buffer.concat(files.map((name) => fs.readFileSync(path.join(ts.dataDir, name))));
    expect(bytes.includes(Buffer.from('enc1:')), 'the encrypted rows are in the files scanned').toBe(true);
    for (const value of [
      ...Object.values(PERSONAL),
      REJECTION_REASON,
      'wilhelmina',
      'Quartermaine'.toLowerCase(),
      session.jitsi_room_id,
      session.jitsi_meet_url,
    ]) {
      expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
    }
  });

  it('are stored as ciphertext and still found by email through the blind index', async () => {
    const [row] = (await ts.server.core.db.sequelize.query(
      'SELECT first_name, email, phone, reason, rejection_reason FROM appointments WHERE rejection_reason IS NOT NULL',
      { type: 'SELECT' },
    )) as Record<string, string>[];
    for (const value of Object.values(row)) expect(value).toMatch(/^enc1:/);
    const found = await ts.api
      .get(`/api/meetings/appointments/?email=${encodeURIComponent(PERSONAL.email.toUpperCase())}`)
      .set('Authorization', staff.bearer);
    expect(found.body.results).toContainEqual(expect.objectContaining({ ...PERSONAL, rejection_reason: REJECTION_REASON }));
  });

  it('keep the session link as ciphertext, and staff and client still get it', async () => {
    const [row] = await ts.server.core.db.sequelize.query<Record<string, string>>(
      'SELECT jitsi_room_id, jitsi_meet_url FROM appointments WHERE id = :id',
      {
        type: QueryTypes.SELECT,
        replacements: { id: session.id },
      },
    );
    expect(row.jitsi_room_id).toMatch(/^enc1:/);
    expect(row.jitsi_meet_url).toMatch(/^enc1:/);
    expect((await appointmentOf(session.id)).body).toMatchObject({
      jitsi_room_id: session.jitsi_room_id,
      jitsi_meet_url: session.jitsi_meet_url,
    });
  });

  it('encrypts the links an older version stored in plain text when the database is migrated', async () => {
    const { sequelize } = ts.server.core.db;
    await sequelize.query('UPDATE appointments SET jitsi_room_id = :room, jitsi_meet_url = :url WHERE id = :id', {
      replacements: { id: session.id, room: session.jitsi_room_id, url: session.jitsi_meet_url },
    });
    await sequelize.query("DELETE FROM schema_migrations WHERE name = '0007-encrypted-jitsi-links'");
    const migrated = await openDatabase(ts.server.core.config.databaseUrl, ts.server.core.cipher);
    await migrated.close();
    const [row] = await sequelize.query<Record<string, string>>('SELECT jitsi_room_id, jitsi_meet_url FROM appointments WHERE id = :id', {
      type: QueryTypes.SELECT,
      replacements: { id: session.id },
    });
    expect(row.jitsi_room_id).toMatch(/^enc1:/);
    expect(row.jitsi_meet_url).toMatch(/^enc1:/);
    expect((await appointmentOf(session.id)).body).toMatchObject({
      jitsi_room_id: session.jitsi_room_id,
      jitsi_meet_url: session.jitsi_meet_url,
    });
  });
});
