// Small steps of the sign-up flow for the auth tests: register, read the code from the real mail, verify.
import { expect } from 'vitest';
import type { ReceivedMail } from '../../helpers/mailbox.js';
import type { TestServer } from '../../helpers/test-server.js';

export const GOOD_PASSWORD = 'Lantern-Harbour-73';

let counter = 0;

/** A fresh address for each use, so that cooldowns and lockouts of one test never touch another. */
export function uniqueEmail(label = 'client'): string {
  counter += 1;
  return `${label}${counter}.${process.pid}@example.org`;
}

const taken = new WeakMap<TestServer, Set<ReceivedMail>>();

/** The next mail to `email` (whose subject matches) that no earlier call has returned. */
export async function nextMail(ts: TestServer, email: string, subject: RegExp): Promise<ReceivedMail> {
  const seen = taken.get(ts) ?? new Set<ReceivedMail>();
  taken.set(ts, seen);
  const mail = await ts.mailbox.waitFor((m) => m.to === email && subject.test(m.subject) && !seen.has(m));
  seen.add(mail);
  return mail;
}

export function codeIn(mail: ReceivedMail): string {
  const code = /^\s*(\d{6})\s*$/m.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in the mail "${mail.subject}"`);
  return code;
}

export function registration(email: string, overrides: Record<string, unknown> = {}) {
  return {
    email,
    first_name: 'Ada',
    last_name: 'Lovelace',
    phone_number: '+1234567890',
    password: GOOD_PASSWORD,
    password2: GOOD_PASSWORD,
    ...overrides,
  };
}

/** Registers `email` and returns the code that was mailed to it. */
export async function registerForCode(ts: TestServer, email: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await ts.api.post('/api/auth/register/').send(registration(email, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return codeIn(await nextMail(ts, email, /verification code/));
}

export interface SignedUp {
  email: string;
  password: string;
  access: string;
  refresh: string;
  user: Record<string, unknown>;
}

/** A verified account made through the API, signed in. */
export async function signUp(ts: TestServer, email = uniqueEmail()): Promise<SignedUp> {
  const otp = await registerForCode(ts, email);
  const res = await ts.api.post('/api/auth/verify-otp/').send({ email, otp });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { email, password: GOOD_PASSWORD, access: res.body.access, refresh: res.body.refresh, user: res.body.user };
}

export function bearer(access: string): string {
  return `Bearer ${access}`;
}
