// DRF's paging and Django's path converters, where the old server differed: `?page=last` and impossible dates in the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
  staff = await createAccount(ts, { staff: true });
  for (let i = 0; i < 4; i++) await createAccount(ts);
});
afterAll(() => ts.stop());

describe('a list asked for ?page=last', () => {
  it('returns the last page (five users two to a page: page 3), as DRF does', async () => {
    const res = await ts.api.get('/api/auth/all-users/?page=last&page_size=2').set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(5);
    const third = await ts.api.get('/api/auth/all-users/?page=3&page_size=2').set('Authorization', staff.bearer);
    expect(res.body.users).toHaveLength(1);
    expect(res.body.users).toEqual(third.body.users);
    expect(res.body.next).toBeNull();
    expect(new URL(res.body.previous).searchParams.get('page')).toBe('2');
  });

  it('is page 1 when everything fits on one page', async () => {
    const res = await ts.api.get('/api/meetings/admin/blocked-dates/?page=last').set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 0, next: null, previous: null, results: [] });
  });
});

describe('a date in the path', () => {
  it('that does not exist (2025-02-30) matches no route: 404 even before signing in, like an unmatched Django URL', async () => {
    const anonymous = await ts.api.delete('/api/meetings/admin/blocked-dates/2025-02-30/');
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toEqual({ detail: 'Not found.' });
    expect((await ts.api.delete('/api/meetings/admin/blocked-dates/2025-02-30/').set('Authorization', staff.bearer)).status).toBe(404);
  });

  it('that exists reaches the route (a stranger must sign in): 2028-02-29 does, 2027-02-29 does not', async () => {
    expect((await ts.api.delete('/api/meetings/admin/blocked-dates/2028-02-29/')).status).toBe(401);
    expect((await ts.api.delete('/api/meetings/admin/blocked-dates/2027-02-29/')).status).toBe(404);
  });
});
