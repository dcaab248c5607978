// End to end in Chromium: the therapist moves and cancels a session from its drawer; clients cancel early and late
// (the policy names the notice period) from My appointments. Every screen at 1280 and 375 px, scanned by axe.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { berlinTimeInUtc, checkScreen, launchBrowser, PHONE, signInAs, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);

const SLOW = { timeout: 120_000 };
const HOUR = 3_600_000;

suite('the session lifecycle in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let mia: TestAccount;
  let openDates: string[];

  /** A session of `account`, booked through the API and scheduled at `utc`. */
  async function scheduled(account: TestAccount, utc: string, reason = 'Feeling low since winter'): Promise<string> {
    const request = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', account.bearer)
      .send({
        first_name: account.user.first_name,
        last_name: account.user.last_name,
        email: account.email,
        reason,
        preferred_dates: [openDates[0]],
        preferred_time_slots: ['morning'],
      })
      .expect(201);
    await ts.api
      .post(`/api/meetings/appointments/${request.body.id}/schedule/`)
      .set('Authorization', therapist.bearer)
      .send({ scheduled_datetime: utc, scheduled_duration: 50 })
      .expect(200);
    return request.body.id as string;
  }

  const signIn = (account: TestAccount, viewport?: typeof PHONE): Promise<AppPage> => signInAs(browser, ts, account, viewport);

  async function appointment(id: string) {
    return (await ts.api.get(`/api/meetings/appointments/${id}/`).set('Authorization', therapist.bearer).expect(200)).body;
  }

  beforeAll(async () => {
    ts = await startAppServer({ env: { MAX_PENDING_REQUESTS: '50' } });
    therapist = await createAccount(ts, { staff: true });
    mia = await createAccount(ts);
    await mia.user.update({ first_name: 'Mia', last_name: 'Schulz' });
    await ts.server.core.settings.update({ practice_name: 'Praxis Lindenhof' });
    openDates = (await ts.api.get('/api/meetings/appointments/available-dates/').expect(200)).body as string[];
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it(
    "the therapist opens a session from the list, moves it seeing that day's sessions, then cancels it after confirming",
    SLOW,
    async () => {
      const [day, nextDay] = [openDates[2], openDates[3]];
      const other = await createAccount(ts);
      await other.user.update({ first_name: 'Tom', last_name: 'Kramer' });
      await scheduled(other, berlinTimeInUtc(nextDay, 9));
      const id = await scheduled(mia, berlinTimeInUtc(day, 10));
      const admin = await signIn(therapist);
      const { page } = admin;
      await page.getByRole('link', { name: 'Sessions' }).click();
      await expect.poll(() => page.locator('.brand').textContent()).toContain('Praxis Lindenhof');
      const row = page.getByRole('button', { name: /Open the session with Mia Schulz at 10:00/ });
      await row.waitFor();
      await checkScreen(page, 'lifecycle-sessions-list');
      await row.click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('heading', { name: 'Reschedule' }).waitFor();
      await drawer.getByLabel('Day', { exact: true }).fill(nextDay);
      await drawer.getByLabel('Time', { exact: true }).fill('09:30');
      // The picker lists that day's other session, so the clash is visible before sending.
      await drawer.getByText(/09:00–09:50 · Tom Kramer/).waitFor();
      await drawer.getByRole('button', { name: 'Move and email the client' }).click();
      await drawer.getByText(/^This time overlaps Tom K\., 09:00–09:50\.$/).waitFor();
      await checkScreen(page, 'lifecycle-drawer-clash');
      await drawer.getByLabel('Time', { exact: true }).fill('11:00');
      await drawer.getByRole('button', { name: 'Move and email the client' }).click();
      // The confirmation shows above the open drawer (both in the top layer).
      const toast = page.getByText(/^Moved to /);
      await toast.waitFor();
      // Drawn in the top layer, shown after the drawer opened: above it (a plain fixed element would sit under it).
      expect(await page.locator('.toasts').evaluate((layer) => layer.matches(':popover-open'))).toBe(true);
      await page.screenshot({ path: 'test-artifacts/lifecycle-toast-over-drawer.png' });
      expect((await appointment(id)).scheduled_datetime).toBe(berlinTimeInUtc(nextDay, 11).replace('.000', ''));
      const moved = await ts.mailbox.waitFor((m) => m.to === mia.email && /moved/.test(m.subject));
      expect(moved.attachments.some((file) => /METHOD:REQUEST/.test(file.content))).toBe(true);

      await drawer.getByLabel(/Reason/).fill('Therapist ill');
      await drawer.getByRole('button', { name: 'Cancel the session…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Cancel this session?' });
      await confirm.waitFor();
      await checkScreen(page, 'lifecycle-confirm-cancel');
      await confirm.getByRole('button', { name: 'Cancel the session' }).click();
      await drawer.getByText('by the practice').waitFor();
      await checkScreen(page, 'lifecycle-drawer-cancelled');
      expect(await appointment(id)).toMatchObject({ status: 'cancelled', cancelled_by: 'staff', cancellation_reason: 'Therapist ill' });
      const cancelled = await ts.mailbox.waitFor((m) => m.to === mia.email && /is cancelled/.test(m.subject));
      expect(cancelled.attachments.some((file) => /METHOD:CANCEL/.test(file.content))).toBe(true);
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    },
  );

  it('a client cancels early: the policy names the notice, the dialog says it is not late', SLOW, async () => {
    const id = await scheduled(mia, berlinTimeInUtc(openDates[4], 10));
    const client = await signIn(mia);
    const { page } = client;
    await page.getByText('Cancelling less than 24 hours before the session counts as a late cancellation.').first().waitFor();
    await checkScreen(page, 'lifecycle-client-appointments');
    await page.getByRole('button', { name: 'Cancel session…' }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this session?' });
    await confirm.getByText(/not a late cancellation/).waitFor();
    await checkScreen(page, 'lifecycle-client-confirm-early');
    await confirm.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('The session is cancelled. You will get a confirmation by email.').waitFor();
    expect(await appointment(id)).toMatchObject({ status: 'cancelled', cancelled_by: 'client', late_cancellation: false });
    expect(client.errors).toEqual([]);
    await client.context.close();
  });

  it('a client on a phone cancels late: the dialog warns first, and the session is marked late', SLOW, async () => {
    const soon = new Date(Date.now() + 5 * HOUR);
    soon.setUTCMinutes(0, 0, 0);
    const id = await scheduled(mia, soon.toISOString().replace('.000', ''));
    const client = await signIn(mia, PHONE);
    const { page } = client;
    const card = page
      .locator('.appointment-card')
      .filter({ has: page.getByRole('button', { name: 'Cancel session…' }) })
      .first();
    await card.getByRole('button', { name: 'Cancel session…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this session?' });
    await confirm.getByText('This is less than 24 hours before the session, so it counts as a late cancellation.').waitFor();
    await checkScreen(page, 'lifecycle-client-confirm-late');
    await confirm.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('The session is cancelled (a late cancellation).').waitFor();
    expect(await appointment(id)).toMatchObject({ status: 'cancelled', late_cancellation: true });
    await page
      .getByText(/late cancellation\.$/)
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(client.errors).toEqual([]);
    await client.context.close();
  });

  it('a client asks to move a session: a request pointing at it, the session still booked', SLOW, async () => {
    const id = await scheduled(mia, berlinTimeInUtc(openDates[5], 10));
    const client = await signIn(mia);
    const { page } = client;
    await page.getByRole('link', { name: 'Ask to move this session' }).first().click();
    await page.getByRole('button', { name: 'None of these times work for me' }).click();
    await page.getByRole('heading', { name: 'Ask to move your session' }).waitFor();
    await page.getByRole('button', { name: /\d/ }).first().click();
    await page.getByLabel(/Afternoon/).check();
    await checkScreen(page, 'lifecycle-client-move');
    await page.getByRole('button', { name: 'Ask to move the session' }).click();
    await page.waitForURL('**/client/appointments');
    const mine = (await ts.api.get('/api/meetings/user/appointments/').set('Authorization', mia.bearer).expect(200)).body.results as {
      reschedule_of: string | null;
      status: string;
    }[];
    expect(mine.some((request) => request.reschedule_of === id && request.status === 'pending_review')).toBe(true);
    expect((await appointment(id)).status).toBe('scheduled');
    await client.context.close();
  });

  it('a reason of one 2,000-character word does not widen the drawer or the page', SLOW, async () => {
    const word = 'x'.repeat(2000);
    await scheduled(mia, berlinTimeInUtc(openDates[6], 10), word);
    const admin = await signIn(therapist);
    const { page } = admin;
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page
      .getByRole('button', { name: /Open the session with Mia Schulz/ })
      .last()
      .click();
    await page.getByRole('dialog').getByText(word).waitFor();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await page.getByRole('dialog').evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth)).toBe(true);
    }
    await admin.context.close();
  });

  it('a booking error on a phone takes the focus and shows below the sticky header', SLOW, async () => {
    const client = await signIn(mia, PHONE);
    const { page } = client;
    await page.getByRole('link', { name: 'Book', exact: true }).click();
    await page.getByRole('button', { name: 'None of these times work for me' }).click();
    await page.getByRole('button', { name: 'Request appointment' }).click();
    const alert = page.locator('.form-error');
    await alert.waitFor();
    await expect.poll(() => alert.evaluate((element) => document.activeElement === element)).toBe(true);
    const headerBottom = await page.locator('.app-header').evaluate((header) => header.getBoundingClientRect().bottom);
    const alertBox = await alert.boundingBox();
    expect(alertBox!.y).toBeGreaterThanOrEqual(headerBottom);
    expect(alertBox!.y + alertBox!.height).toBeLessThanOrEqual(PHONE.height);
    // One message, in the form: no toast repeats it.
    const message = (await alert.textContent())!.trim();
    expect(await page.locator('.toast').filter({ hasText: message }).count()).toBe(0);
    await checkScreen(page, 'lifecycle-booking-error-phone');
    await client.context.close();
  });

  it('the settings show the lifecycle fields', SLOW, async () => {
    const admin = await signIn(therapist);
    const { page } = admin;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Cancellation notice (hours)').fill('48');
    await page.getByLabel('Reminders (hours before)').fill('[24, 1]');
    await page.getByLabel('Therapist name').fill('Dr. Ruth Weber');
    await page.getByRole('button', { name: /Save/ }).first().click();
    await page.getByText('Settings saved.').waitFor();
    expect(await ts.server.core.settings.reminderHoursBefore()).toEqual([24, 1]);
    expect((await ts.api.get('/api/meetings/practice/').expect(200)).body).toMatchObject({
      cancellation_notice_hours: 48,
      therapist_name: 'Dr. Ruth Weber',
    });
    await checkScreen(page, 'lifecycle-settings');
    await admin.context.close();
  });
});
