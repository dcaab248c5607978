// End to end in Chromium: the therapist rejects, meets a double booking, sets availability, manages users, reads
// the stats, retries failed mail and changes settings; every screen is photographed and scanned by axe.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { berlinTimeInUtc, checkScreen, launchBrowser, openApp, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);

const SLOW = { timeout: 120_000 };

interface Booked {
  id: string;
}

suite('the therapist at work in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let client: TestAccount;
  let admin: AppPage;
  let openDates: string[];
  let rotatedAway = '';

  async function book(account: TestAccount, reason: string, dates = openDates.slice(0, 2)): Promise<Booked> {
    const response = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', account.bearer)
      .send({
        first_name: 'Grace',
        last_name: 'Hopper',
        email: account.email,
        reason,
        preferred_dates: dates,
        preferred_time_slots: ['afternoon'],
      })
      .expect(201);
    return response.body as Booked;
  }

  async function openRequest(reason: string) {
    await admin.page.goto('/admin/');
    await admin.page.getByRole('row').filter({ hasText: 'Grace Hopper' }).first().waitFor();
    const rows = await ts.api.get('/api/meetings/appointments/').query({ status: 'pending_review' }).set('Authorization', therapist.bearer);
    const index = (rows.body.results as { reason: string }[]).findIndex((row) => row.reason === reason);
    await admin.page
      .getByRole('button', { name: /Open request of .* for Grace Hopper/ })
      .nth(index)
      .click();
    const drawer = admin.page.getByRole('dialog');
    await drawer.getByText(reason).waitFor();
    return drawer;
  }

  beforeAll(async () => {
    // One failed attempt marks a mail failed, so the retry button can be shown without waiting for ten.
    ts = await startAppServer({ delivery: { maxAttempts: 1 } });
    therapist = await createAccount(ts, { staff: true });
    client = await createAccount(ts);
    openDates = (await ts.api.get('/api/meetings/appointments/available-dates/').expect(200)).body as string[];
    browser = await launchBrowser();
    admin = await openApp(browser, ts);
    // A page of the therapist's view, opened signed out, comes back after signing in.
    await admin.page.goto('/admin/stats');
    await admin.page.waitForURL('**/login?next=%2Fadmin%2Fstats');
    await admin.page.getByLabel('Email').fill(therapist.email);
    await admin.page.getByLabel('Password').fill('wrong password');
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.getByText('Email or password is wrong.').waitFor();
    await checkScreen(admin.page, 'sign-in-error');
    await admin.page.getByLabel('Password').fill(therapist.password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.waitForURL('**/admin/stats');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('rejects a request with a reason that reaches the client by mail', SLOW, async () => {
    await book(client, 'Rejected one');
    const drawer = await openRequest('Rejected one');
    await drawer.getByLabel('Reason for the client (optional)').fill('The practice is full until spring.');
    await drawer.getByRole('button', { name: 'Reject request' }).click();
    await admin.page.getByText('The request is rejected').waitFor();
    await drawer.getByText('The practice is full until spring.').waitFor();
    await checkScreen(admin.page, 'admin-drawer-rejected');
    // Not the receipt every request brings ("We received your appointment request"): the answer.
    const mail = await ts.mailbox.waitFor((m) => m.to === client.email && m.subject === 'Your appointment request');
    expect(mail.text).toContain('The practice is full until spring.');
  });

  it('refuses a time that overlaps another session, saying so beside the form', SLOW, async () => {
    const first = await book(client, 'First session');
    await book(client, 'Second session');
    const day = openDates[0];
    const utc = berlinTimeInUtc(day, 14);
    await ts.api
      .post(`/api/meetings/appointments/${first.id}/schedule/`)
      .set('Authorization', therapist.bearer)
      .send({ scheduled_datetime: utc })
      .expect(200);

    const drawer = await openRequest('Second session');
    await drawer.getByLabel('Day', { exact: true }).fill(day);
    await drawer.getByLabel('Time', { exact: true }).fill('14:30');
    await drawer.getByRole('button', { name: 'Schedule and email the client' }).click();
    // The 409 names the clashing session by the account's initials and its time in the practice zone.
    await drawer.getByText(/^This time overlaps Client N\., 14:00–15:00\.$/).waitFor();
    await checkScreen(admin.page, 'admin-drawer-conflict');
    await admin.page.keyboard.press('Escape');
  });

  it('sets the weekly days and blocks a date, and clients see it in the open dates', SLOW, async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Availability' }).click();
    // The weekly day's checkbox (the working hours below name Monday too).
    const monday = page.getByRole('checkbox', { name: 'Monday', exact: true });
    await expect.poll(() => monday.isChecked()).toBe(true);
    await monday.uncheck();
    await page.getByRole('button', { name: 'Save weekly days' }).click();
    await page.getByText('Clients can now ask for Tuesday').waitFor();

    // Not the first open date: a session is scheduled on it, and blocking it would ask what becomes of that session.
    const blocked = openDates.slice(1).find((day) => new Date(`${day}T12:00:00Z`).getUTCDay() !== 1)!;
    await page.getByLabel('Date', { exact: true }).fill(blocked);
    await page.getByLabel('Note (optional)').fill('Training day');
    await page.getByRole('button', { name: 'Block date' }).click();
    await page.getByText('Training day').waitFor();
    await checkScreen(page, 'admin-availability');

    const dates = (await ts.api.get('/api/meetings/appointments/available-dates/').expect(200)).body as string[];
    expect(dates).not.toContain(blocked);
    expect(dates.some((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 1)).toBe(false);

    await page.getByRole('button', { name: /^Unblock/ }).click();
    await page.getByText('No blocked dates').waitFor();
  });

  it('deactivates a client, who is signed out with a clear message, then deletes them after confirming', SLOW, async () => {
    const other = await createAccount(ts, { email: `leaving-${Date.now()}@example.com` });
    const clientPage = await openApp(browser, ts);
    await clientPage.page.goto('/login');
    await clientPage.page.getByLabel('Email').fill(other.email);
    await clientPage.page.getByLabel('Password').fill(other.password);
    await clientPage.page.getByRole('button', { name: 'Sign in' }).click();
    await clientPage.page.waitForURL('**/client/appointments');

    const { page } = admin;
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Search by name or email').fill('leaving-');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('row').filter({ hasText: other.email }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: `Deactivate ${other.email}` }).click();
    await page.getByText(`User ${other.email} has been deactivated.`).waitFor();
    await checkScreen(page, 'admin-users');

    await clientPage.page.getByRole('link', { name: 'Book a session' }).first().click();
    await clientPage.page.reload();
    await clientPage.page.getByText('Your account has been deactivated').waitFor();
    expect(clientPage.page.url()).toContain('/login');
    await checkScreen(clientPage.page, 'sign-in-deactivated');
    expect(clientPage.errors).toEqual([]);
    await clientPage.context.close();

    await page.getByRole('button', { name: `Delete ${other.email}` }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('cannot be undone').waitFor();
    await checkScreen(page, 'admin-delete-dialog');
    await confirm.getByRole('button', { name: 'Delete account' }).click();
    await page.getByText(`User ${other.email} has been deleted.`).waitFor();
    await page.getByText('Nobody matches').waitFor();
  });

  it('shows the practice figures and the weekly trend as a chart', SLOW, async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Stats' }).click();
    const figures = page.getByRole('definition').first();
    await figures.waitFor();
    expect(await page.locator('.figure').filter({ hasText: 'Requests' }).locator('dd').textContent()).toBe('3');
    await page.locator('.trend-bars').waitFor();
    // Twelve weeks, six bars each: requests, scheduled, attended, no-show, cancelled, rejected.
    expect(await page.locator('.trend-bars rect').count()).toBe(72);
    await checkScreen(page, 'admin-stats');
  });

  it('lists sent and failed mail and retries a failed one', SLOW, async () => {
    ts.mailbox.rejectWith = { code: 550, message: 'Mailbox unavailable' };
    const failing = await book(client, 'Mail will fail');
    await ts.api.post(`/api/meetings/appointments/${failing.id}/reject/`).set('Authorization', therapist.bearer).send({}).expect(200);
    const { page } = admin;
    await page.getByRole('link', { name: 'Mail' }).click();
    await page.getByRole('button', { name: 'Failed' }).click();
    const retry = page.getByRole('button', { name: /^Retry/ });
    await retry.first().waitFor({ timeout: 20_000 });
    await checkScreen(page, 'admin-outbox');

    ts.mailbox.rejectWith = null;
    await retry.first().click();
    await page.getByText(/is queued again/).waitFor();
    await ts.mailbox.waitFor((m) => m.to === client.email && /request/i.test(m.subject) && !m.text.includes('full until spring'));
  });

  it('changes a stored setting, shows environment values read-only, and lists the LAN addresses', SLOW, async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Settings' }).click();
    const zone = page.getByLabel('Practice time zone');
    await expect.poll(() => zone.getAttribute('readonly')).not.toBeNull();
    expect(await zone.inputValue()).toBe('Europe/Berlin');
    await page.getByLabel('Jitsi domain').fill('video.practice.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByText('Set here').waitFor();
    await checkScreen(page, 'admin-settings');
    const settings = await ts.api.get('/api/admin/settings/').set('Authorization', therapist.bearer).expect(200);
    expect(settings.body.jitsi_domain).toMatchObject({ value: 'video.practice.example', source: 'database' });
  });

  it('keeps the therapist signed in past the life of the access token: refreshed silently, the refresh token rotated', SLOW, async () => {
    const { page } = admin;
    const stored = () =>
      page.evaluate(() => JSON.parse(localStorage.getItem('practice.session') ?? 'null') as { access: string; refresh: string } | null);
    const before = await stored();
    ts.clock.advance(30 * 60_000);
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('button', { name: 'All' }).click();
    await page.getByRole('row').filter({ hasText: 'Grace Hopper' }).first().waitFor();
    const after = await stored();
    expect(after?.access).not.toBe(before?.access);
    expect(after?.refresh).not.toBe(before?.refresh);
    rotatedAway = before?.refresh ?? '';
  });

  it('two tabs whose access token expired together refresh once between them and both stay signed in', SLOW, async () => {
    const second = await admin.context.newPage();
    await second.goto('/admin/users');
    await second.getByRole('heading', { name: 'Users' }).waitFor();
    const refreshes: string[] = [];
    for (const tab of [admin.page, second])
      tab.on('request', (request) => void (request.url().includes('/api/auth/token/refresh/') && refreshes.push(request.url())));
    const storedRefresh = () =>
      admin.page.evaluate(() => (JSON.parse(localStorage.getItem('practice.session') ?? 'null') as { refresh: string } | null)?.refresh);
    const before = await storedRefresh();
    ts.clock.advance(30 * 60_000);
    await Promise.all([admin.page.goto('/admin/sessions'), second.goto('/admin/outbox')]);
    await admin.page.getByRole('heading', { name: 'Upcoming sessions' }).waitFor();
    await second.getByRole('heading', { name: 'Mail' }).waitFor();
    // The headings show before the data: wait for the rotated pair to be stored. (A tab reloaded while its refresh is on
    // the way never stores the answer, and presenting the rotated token again rightly ends the session.)
    await expect.poll(storedRefresh).not.toBe(before);
    expect(refreshes).toHaveLength(1);
    await admin.page.reload();
    await admin.page.getByRole('heading', { name: 'Upcoming sessions' }).waitFor();
    expect(admin.page.url()).toContain('/admin/sessions');
    expect(second.url()).toContain('/admin/outbox');
    await second.close();
    // Last, as it revokes the session: a rotated refresh token is dead.
    await ts.api.post('/api/auth/token/refresh/').send({ refresh: rotatedAway }).expect(401);
  });

  it('shows no JavaScript or console errors on the way', () => {
    expect(admin.errors).toEqual([]);
  });
});
