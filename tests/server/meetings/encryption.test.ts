// A raw look at the data directory (database, WAL, shared memory) shows no client's name, email, phone or reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { createRequest } from './helpers.js';

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

beforeAll(async () => {
  ts = await startTestServer();
  staff = await createAccount(ts, { staff: true });
  const client = await createAccount(ts);
  const request = await createRequest(ts, client, PERSONAL);
  await ts.api.post(`/api/meetings/appointments/${String(request.id)}/reject/`).set('Authorization', staff.bearer).send({ rejection_reason: REJECTION_REASON });
  await ts.mailbox.waitFor((mail) => mail.text.includes(REJECTION_REASON));
});
afterAll(() => ts.stop());

describe('appointments at rest', () => {
  // The SQLite files; on PostgreSQL the rows test below and tests/reliability/secrets.test.ts cover the data at rest.
  it.skipIf(onPostgres)('leave no plaintext personal data in the database file, its WAL or its shared memory', () => {
    const files = fs.readdirSync(ts.dataDir).filter((name) => name.startsWith('practice.db'));
    expect(files).toContain('practice.db-wal');
    const bytes = Buffer.concat(files.map((name) => fs.readFileSync(path.join(ts.dataDir, name))));
    expect(bytes.includes(Buffer.from('enc1:')), 'the encrypted rows are in the files scanned').toBe(true);
    for (const value of [...Object.values(PERSONAL), REJECTION_REASON, 'wilhelmina', 'Quartermaine'.toLowerCase()]) {
      expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
    }
  });

  it('are stored as ciphertext and still found by email through the blind index', async () => {
    const [row] = (await ts.server.core.db.sequelize.query('SELECT first_name, email, phone, reason, rejection_reason FROM appointments', { type: 'SELECT' })) as Record<string, string>[];
    for (const value of Object.values(row)) expect(value).toMatch(/^enc1:/);
    const found = await ts.api.get(`/api/meetings/appointments/?email=${encodeURIComponent(PERSONAL.email.toUpperCase())}`).set('Authorization', staff.bearer);
    expect(found.body.results[0]).toMatchObject({ ...PERSONAL, rejection_reason: REJECTION_REASON });
  });
});
