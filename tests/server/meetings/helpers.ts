// Small builders for the meetings tests: a valid request body, tokens re-signed after the clock moves, scheduling.
import { expect } from 'vitest';
import type { TestAccount } from '../../helpers/users.js';
import type { TestServer } from '../../helpers/test-server.js';

export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    first_name: 'Alma',
    last_name: 'Lindqvist',
    email: 'alma.contact@example.org',
    phone: '+49 30 1234567',
    reason: 'Trouble sleeping since the move',
    preferred_dates: [],
    preferred_time_slots: ['morning'],
    ...overrides,
  };
}

/** Access tokens expire with the test clock: a fresh one after moving it. */
export async function bearer(ts: TestServer, account: TestAccount): Promise<string> {
  return `Bearer ${await ts.server.core.tokens.issueAccess(account.user.id, account.user.token_version)}`;
}

/** Creates a request of `account` for the first available date; returns its JSON. */
export async function createRequest(
  ts: TestServer,
  account: TestAccount,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const dates = (await ts.api.get('/api/meetings/appointments/available-dates/')).body as string[];
  const res = await ts.api
    .post('/api/meetings/appointments/create/')
    .set('Authorization', await bearer(ts, account))
    .send(requestBody({ preferred_dates: [dates[0]], ...overrides }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function schedule(ts: TestServer, staff: TestAccount, id: unknown, scheduledDatetime: string, duration?: number) {
  return ts.api
    .post(`/api/meetings/appointments/${String(id)}/schedule/`)
    .set('Authorization', await bearer(ts, staff))
    .send({ scheduled_datetime: scheduledDatetime, ...(duration === undefined ? {} : { scheduled_duration: duration }) });
}
