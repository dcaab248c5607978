// End to end in Chromium: a client registers with the mailed code and books; the therapist schedules; the client joins.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { berlinTimeInUtc, checkScreen, launchBrowser, mailedCode, openApp, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);

suite('booking a session in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let client: AppPage;
  let admin: AppPage;
  const email = `ada-${Date.now()}@example.com`;
  const password = 'Quiet-Harbour-Lantern-81';

  beforeAll(async () => {
    ts = await startAppServer();
    therapist = await createAccount(ts, { staff: true });
    browser = await launchBrowser();
    client = await openApp(browser, ts);
    admin = await openApp(browser, ts);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it(
    'a new client registers, verifies with the code from the mail and lands on an empty appointments page',
    { timeout: 120_000 },
    async () => {
      const { page } = client;
      await page.goto('/');
      await page.waitForURL('**/login');
      await checkScreen(page, 'sign-in');

      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create your account' }).waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Last name').fill('Lovelace');
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Repeat the password').fill('something else');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => page.locator('.field-error').first().textContent()).toContain("didn't match");
      await checkScreen(page, 'register-errors');

      await page.getByLabel('Repeat the password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL('**/verify?email=*');
      await checkScreen(page, 'verify');

      const code = await mailedCode(ts, email, /verification code/i);
      await page.getByLabel('Verification code').fill(code);
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.waitForURL('**/client/appointments');
      await page.getByText('No appointments yet').waitFor();
      await checkScreen(page, 'client-appointments-empty');
    },
  );

  it('the client adds a phone number to their details', { timeout: 120_000 }, async () => {
    const { page } = client;
    await page.getByRole('link', { name: 'My details' }).click();
    await page.getByRole('heading', { name: 'My details' }).waitFor();
    await page.getByLabel('Phone (optional)').fill('12');
    await page.getByRole('button', { name: 'Save my details' }).click();
    await page.locator('.field-error').first().waitFor();
    await page.getByLabel('Phone (optional)').fill('+49 30 1234567');
    await page.getByRole('button', { name: 'Save my details' }).click();
    await page.getByText('Your details are saved.').waitFor();
    await checkScreen(page, 'client-profile');
  });

  it('the client books from the open dates with their contact details prefilled', { timeout: 120_000 }, async () => {
    const { page } = client;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book' }).click();
    await page.getByRole('heading', { name: 'Book a session' }).waitFor();
    // The free slots come first; this client asks for days and times of day instead.
    await page.getByRole('button', { name: 'None of these times work for me' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('First name').inputValue()).toBe('Ada');
    expect(await page.getByLabel('Phone (optional)').inputValue()).toBe('+49 30 1234567');
    const dates = page.locator('.chips button.chip');
    await dates.first().waitFor();
    await dates.nth(0).click();
    await dates.nth(1).click();
    await page.getByLabel('Morning (9–12)').check();
    await page.getByLabel(/What would you like to talk about/).fill('Trouble sleeping before exams.');
    await checkScreen(page, 'book');

    await page.getByRole('button', { name: 'Request appointment' }).click();
    await page.waitForURL('**/client/appointments');
    await page.getByText('Pending review').first().waitFor();
    await page.getByText('Your request is sent').waitFor();
    await checkScreen(page, 'client-appointments');
  });

  it('the therapist signs in, opens the request and schedules it in the practice time zone', { timeout: 120_000 }, async () => {
    const { page } = admin;
    await page.goto('/login');
    await page.getByLabel('Email').fill(therapist.email);
    await page.getByLabel('Password').fill(therapist.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/');
    await page.getByText('Ada Lovelace', { exact: true }).waitFor();
    await checkScreen(page, 'admin-requests');

    await page.getByRole('button', { name: /Open request of Ada Lovelace/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Trouble sleeping before exams.').waitFor();
    await drawer.getByRole('group', { name: /Date and time \(Europe\/Berlin\)/ }).waitFor();
    await expect.poll(() => drawer.getByLabel('Time', { exact: true }).inputValue()).toBe('09:00');
    await checkScreen(page, 'admin-drawer');

    await drawer.getByRole('button', { name: 'Schedule and email the client' }).click();
    await page.getByText(/Scheduled for/).waitFor();
    await drawer.getByText('Video room').waitFor();
    await checkScreen(page, 'admin-drawer-scheduled');
    await ts.mailbox.waitFor((mail) => mail.to === email && /scheduled/i.test(mail.subject));
  });

  it('the client sees "Join session" exactly while the meeting is open, and it opens the room', { timeout: 120_000 }, async () => {
    const { page, context } = client;
    const list = await ts.api.get('/api/meetings/appointments/').set('Authorization', therapist.bearer).expect(200);
    const scheduled = list.body.results[0] as { scheduled_datetime: string; jitsi_meet_url: string; preferred_dates: string[] };
    // 09:00 typed in the practice's zone, whatever the browser's own zone.
    expect(scheduled.scheduled_datetime).toBe(berlinTimeInUtc(scheduled.preferred_dates[0], 9));
    const start = new Date(scheduled.scheduled_datetime).getTime();

    await page.reload();
    await page
      .getByText(/Europe\/Berlin/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Join session' }).count()).toBe(0);

    ts.clock.set(new Date(start - 5 * 60_000));
    await page.reload();
    const join = page.getByRole('button', { name: 'Join session' });
    await join.waitFor();
    await checkScreen(page, 'client-join');

    await context.route('https://*/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Room</title>' }));
    const [room] = await Promise.all([context.waitForEvent('page'), join.click()]);
    expect(room.url()).toBe(scheduled.jitsi_meet_url);
    await room.close();

    await admin.page.goto('/admin/sessions');
    await admin.page.getByRole('button', { name: 'Join' }).waitFor();
    await checkScreen(admin.page, 'admin-sessions');

    ts.clock.set(new Date(start + 2 * 3600_000));
    await page.reload();
    await page.getByText('Completed').first().waitFor();
    expect(await page.getByRole('button', { name: 'Join session' }).count()).toBe(0);
  });

  it('shows no JavaScript or console errors on the way', () => {
    expect(client.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
