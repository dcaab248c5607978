// End to end in Chromium: a client on a phone in New York books a free slot of a Berlin practice in three taps and
// sees both times; the therapist confirms it from the week view.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { checkScreen, launchBrowser, openApp, PHONE, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
const SLOW = { timeout: 120_000 };

suite('booking a free slot and the week view', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let client: TestAccount;

  async function signIn(account: TestAccount, viewport = undefined as typeof PHONE | undefined): Promise<AppPage> {
    const app = await openApp(browser, ts, viewport);
    await app.page.goto('/login');
    await app.page.getByLabel('Email').fill(account.email);
    await app.page.getByLabel('Password').fill(account.password);
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    await app.page.waitForURL(account.user.is_staff ? '**/admin/**' : '**/client/appointments');
    return app;
  }

  beforeAll(async () => {
    ts = await startAppServer();
    therapist = await createAccount(ts, { staff: true });
    client = await createAccount(ts);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('a client on a phone in America/New_York books a slot in three taps and sees the practice time and their own', SLOW, async () => {
    const app = await signIn(client, PHONE);
    const { page } = app;
    // Signing in set the account's zone from the browser.
    await expect
      .poll(async () => (await ts.api.get('/api/auth/profile/').set('Authorization', client.bearer)).body.user.time_zone)
      .toBe('America/New_York');
    await page.getByRole('link', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'Book a session' }).waitFor();
    const first = page.locator('.slot-chip').first();
    await first.waitFor();
    await page.getByText(/your time \(America\/New_York\)/).waitFor();
    // Tap one: 09:00 Berlin shows 03:00 (or 04:00 around the DST weeks) in New York beside it.
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    expect(await first.textContent()).toMatch(/^09:00\d\d:\d\d yours$/);
    await page.getByLabel(/What would you like to talk about/).fill('Exam stress.');
    await checkScreen(page, 'slot-booking');
    const send = page.getByRole('button', { name: /^Book .*09:00 \(\d\d:\d\d your time\)$/ });
    await send.click();
    await page.waitForURL('**/client/appointments');
    await page.getByText('The time is held for you').waitFor();
    const [request] = (await ts.api.get('/api/meetings/user/appointments/').set('Authorization', client.bearer).expect(200)).body
      .results as {
      requested_start: string;
      status: string;
    }[];
    expect(request.status).toBe('pending_review');
    expect(request.requested_start).toMatch(/T0[78]:00:00Z$/);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('the therapist sees the held slot in the week view, opens it and confirms it in one click', SLOW, async () => {
    const app = await signIn(therapist);
    const { page } = app;
    await page.getByRole('link', { name: 'Week', exact: true }).click();
    await page.getByRole('heading', { name: 'Week' }).waitFor();
    const held = page.locator('.calendar-entry.held');
    // The held slot is the first free one: this week, or the next when today is late in the week.
    await page.locator('.calendar-column').first().waitFor();
    if (!(await held.count())) await page.getByRole('button', { name: 'Next week' }).click();
    await held.first().waitFor();
    expect(await held.first().textContent()).toContain('09:00–09:50');
    await checkScreen(page, 'week-view');

    await held.first().getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await held.first().getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The requested time is confirmed').waitFor();
    await page.locator('.calendar-entry.session').first().waitFor();
    const [session] = (await ts.api.get('/api/meetings/appointments/').set('Authorization', therapist.bearer).expect(200)).body.results as {
      status: string;
    }[];
    expect(session.status).toBe('scheduled');

    await page.getByRole('link', { name: 'Availability' }).click();
    await page.getByRole('heading', { name: 'Working hours and booking rules' }).waitFor();
    await checkScreen(page, 'working-hours');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Make a subscription link' }).click();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await page.locator('img[alt="QR code of the calendar subscription link"]').waitFor();
    await checkScreen(page, 'calendar-feed');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
