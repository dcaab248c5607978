// Builders for the client-record tests: a scheduled session for a client, its attendance, staff calls with fresh tokens.
import { expect } from 'vitest';
import type { TestAccount } from '../../helpers/users.js';
import type { TestServer } from '../../helpers/test-server.js';
import { bearer, createRequest, schedule } from '../meetings/helpers.js';

/** A request of `client` scheduled by `staff` at `start` (ISO); returns the appointment's id. */
export async function scheduledSession(
  ts: TestServer,
  staff: TestAccount,
  client: TestAccount,
  start: string,
  duration = 50,
): Promise<string> {
  const request = await createRequest(ts, client);
  const res = await schedule(ts, staff, request.id, start, duration);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(request.id);
}

export async function markAttendance(ts: TestServer, staff: TestAccount, id: string, attendance: 'attended' | 'no_show'): Promise<void> {
  const res = await ts.api
    .post(`/api/meetings/appointments/${id}/attendance/`)
    .set('Authorization', await bearer(ts, staff))
    .send({ attendance });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export async function cancelAs(ts: TestServer, account: TestAccount, id: string): Promise<Record<string, unknown>> {
  const res = await ts.api
    .post(`/api/meetings/appointments/${id}/cancel/`)
    .set('Authorization', await bearer(ts, account))
    .send({});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A GET/POST/PUT/PATCH with the account's fresh token. */
export async function as(ts: TestServer, account: TestAccount) {
  const auth = await bearer(ts, account);
  return {
    get: (url: string) => ts.api.get(url).set('Authorization', auth),
    post: (url: string, body: object = {}) => ts.api.post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object = {}) => ts.api.put(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object = {}) => ts.api.patch(url).set('Authorization', auth).send(body),
    delete: (url: string) => ts.api.delete(url).set('Authorization', auth),
  };
}
