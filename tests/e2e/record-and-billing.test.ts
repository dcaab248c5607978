// End to end in Chromium: the therapist finds a client, writes a session note that saves itself and signs it, bills two
// attended sessions and issues the invoice; the client downloads its PDF from My invoices. Every screen at 1280 and
// 375 px (none may scroll sideways on the phone), scanned by axe.
import fs from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { PROFILE } from '../helpers/practice-profile.js';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { berlinTimeInUtc, checkScreen, launchBrowser, PHONE, signInAs, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);

const SLOW = { timeout: 180_000 };

suite('the client record and billing in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let mia: TestAccount;
  const clock = new TestClock();
  const sessions: string[] = [];

  /** A fresh token by the server's clock (the test moves it past the sessions). */
  const staffAuth = async () => `Bearer ${await ts.server.core.tokens.issueAccess(therapist.user.id, therapist.user.token_version)}`;

  async function scheduled(account: TestAccount, utc: string): Promise<string> {
    const request = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', account.bearer)
      .send({
        first_name: 'Mia',
        last_name: 'Schulz',
        email: account.email,
        reason: 'Sleep',
        preferred_dates: [utc.slice(0, 10)],
        preferred_time_slots: ['morning'],
      })
      .expect(201);
    await ts.api
      .post(`/api/meetings/appointments/${request.body.id}/schedule/`)
      .set('Authorization', await staffAuth())
      .send({ scheduled_datetime: utc, scheduled_duration: 50 })
      .expect(200);
    return request.body.id as string;
  }

  const signIn = (account: TestAccount, viewport?: typeof PHONE): Promise<AppPage> => signInAs(browser, ts, account, viewport);

  beforeAll(async () => {
    ts = await startAppServer({ clock, env: { MAX_PENDING_REQUESTS: '50' } });
    therapist = await createAccount(ts, { staff: true });
    mia = await createAccount(ts);
    await mia.user.update({ first_name: 'Mia', last_name: 'Schulz' });
    await ts.server.core.settings.update(PROFILE);
    const openDates = (await ts.api.get('/api/meetings/appointments/available-dates/').expect(200)).body as string[];
    sessions.push(await scheduled(mia, berlinTimeInUtc(openDates[0], 10)));
    sessions.push(await scheduled(mia, berlinTimeInUtc(openDates[1], 10)));
    sessions.push(await scheduled(mia, berlinTimeInUtc(openDates[2], 10)));
    // The practice's clock moves past the first three sessions: attendance is recorded after a session.
    clock.set(berlinTimeInUtc(openDates[2], 18));
    for (const id of sessions) {
      await ts.api
        .post(`/api/meetings/appointments/${id}/attendance/`)
        .set('Authorization', await staffAuth())
        .send({ attendance: 'attended' })
        .expect(200);
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it(
    'the therapist writes a note that saves itself, signs it, bills two sessions and issues the invoice; the client downloads the PDF',
    SLOW,
    async () => {
      const admin = await signIn(therapist);
      const { page } = admin;
      await page.getByRole('link', { name: 'Clients' }).click();
      await page.getByRole('searchbox').fill('Schulz');
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Mia Schulz' });
      await row.waitFor();
      // Three past sessions, all attended.
      await expect.poll(() => row.locator('td[data-label="Past"]').textContent()).toBe('3');
      await checkScreen(page, 'record-clients');

      await row.getByRole('link', { name: 'Mia Schulz' }).click();
      await page.getByRole('heading', { name: 'Mia Schulz' }).waitFor();
      await checkScreen(page, 'record-client-page');

      // The note of the oldest session (the list is newest first).
      await page
        .getByRole('link', { name: /^Write note/ })
        .last()
        .click();
      await page.getByRole('heading', { name: 'Session note' }).waitFor();
      await page.getByLabel('Subjective').fill('Sleeps better since the last session.');
      await page.getByLabel('Objective').fill('Calm, engaged.');
      await page.getByLabel('Assessment').fill('Improving.');
      await page.getByLabel('Plan').fill('Keep the sleep diary.');
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
      await checkScreen(page, 'record-note-editor');
      const stored = await ts.api
        .get(`/api/meetings/appointments/${sessions[0]}/note/`)
        .set('Authorization', await staffAuth())
        .expect(200);
      expect(stored.body.fields).toMatchObject({ subjective: 'Sleeps better since the last session.', plan: 'Keep the sleep diary.' });

      await page.getByRole('button', { name: 'Sign…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Sign this note?' });
      await confirm.getByText(/Signing locks the note/).waitFor();
      await checkScreen(page, 'record-note-sign-confirm');
      await confirm.getByRole('button', { name: 'Sign and lock' }).click();
      await page.getByText('Signed', { exact: true }).waitFor();
      // Signed: read as text, no field to type in; corrections go in addenda.
      expect(await page.getByLabel('Subjective').count()).toBe(0);
      await page.getByLabel('New addendum').fill('Client called: the diary is going well.');
      await page.getByRole('button', { name: 'Add addendum' }).click();
      await page.locator('.addenda').getByText('Client called: the diary is going well.').waitFor();
      await checkScreen(page, 'record-note-signed');

      await page.getByRole('link', { name: /Mia Schulz/ }).click();
      await page.getByRole('heading', { name: 'New invoice' }).waitFor();
      await page.getByRole('link', { name: /^Open signed note/ }).waitFor();
      const builder = page.locator('form[aria-labelledby="builder-title"]');
      const checks = builder.getByRole('checkbox');
      expect(await checks.count()).toBe(3);
      await checks.nth(0).check();
      await checks.nth(1).check();
      await builder.getByText('2 lines · total €160.00').waitFor();
      await checkScreen(page, 'record-invoice-builder');
      await builder.getByRole('button', { name: 'Create draft invoice' }).click();
      await page.getByText('Draft invoice created').waitFor();
      await page.getByRole('button', { name: /^Issue and email/ }).click();
      await page.getByText(/^Invoice \d{4}-0001 issued/).waitFor();
      // One session is left to bill.
      await expect.poll(() => checks.count()).toBe(1);
      await checkScreen(page, 'record-client-invoiced');
      const mail = await ts.mailbox.waitFor(
        (m) => m.to === mia.email && m.attachments.some((file) => file.contentType === 'application/pdf'),
      );
      expect(mail.text).not.toContain('Sleeps better');

      await page.getByRole('link', { name: 'Invoices' }).click();
      await page.getByRole('button', { name: 'Issued' }).click();
      await page.getByRole('row').filter({ hasText: '€160.00' }).waitFor();
      await checkScreen(page, 'record-invoices');

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('cell', { name: 'Invoice issued' }).first().waitFor();
      await checkScreen(page, 'record-audit-log');
      // The log shows ids and actions: no name, no note text.
      const logText = (await page.locator('main').textContent()) ?? '';
      expect(logText).not.toContain('Schulz');
      expect(logText).not.toContain('Sleeps better');

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: /Practice profile and fees/ }).waitFor();
      expect(await page.getByLabel('Session fee').inputValue()).toBe('80.00');
      await checkScreen(page, 'record-settings-profile');
      expect(admin.errors).toEqual([]);

      const client = await signIn(mia, PHONE);
      await client.page.getByRole('link', { name: 'Invoices' }).click();
      await client.page.getByText('€160.00').first().waitFor();
      await checkScreen(client.page, 'record-my-invoices');
      const [download] = await Promise.all([
        client.page.waitForEvent('download'),
        client.page.getByRole('button', { name: /^Download PDF/ }).click(),
      ]);
      const saved = 'test-artifacts/invoice.pdf';
      await download.saveAs(saved);
      expect(fs.readFileSync(saved).subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(download.suggestedFilename()).toMatch(/^invoice-\d{4}-0001\.pdf$/);
      expect(client.errors).toEqual([]);
    },
  );

  it('the therapist exports the record as PDF and JSON, records a payment, and voids an invoice after confirming', SLOW, async () => {
    const admin = await signIn(therapist);
    const { page } = admin;
    await page.goto(`/admin/clients/${mia.user.id}`);
    await page.getByRole('heading', { name: 'Mia Schulz' }).waitFor();
    // Both exports come through the API with the token, saved as files.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export record (PDF)' }).click()]);
    expect(
      fs
        .readFileSync(await pdf.path())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export record (JSON)' }).click()]);
    const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as {
      client: { email: string };
      notes: { fields: Record<string, string> }[];
    };
    expect(exported.client.email).toBe(mia.email);
    expect(exported.notes[0].fields.subjective).toBe('Sleeps better since the last session.');

    // The third session on its own invoice, issued and then voided: it can be billed again.
    const builder = page.locator('form[aria-labelledby="builder-title"]');
    await builder.getByRole('checkbox').check();
    await builder.getByRole('button', { name: 'Create draft invoice' }).click();
    await page.getByRole('button', { name: /^Issue and email/ }).click();
    await page.getByText(/^Invoice \d{4}-0002 issued/).waitFor();
    await page.getByRole('button', { name: /^Void… \d{4}-0002/ }).click();
    const confirm = page.getByRole('dialog', { name: /^Void invoice \d{4}-0002\?/ });
    await confirm.getByText(/never given out again/).waitFor();
    await checkScreen(page, 'record-void-confirm');
    await confirm.getByRole('button', { name: 'Void the invoice' }).click();
    await page.getByText(/^Invoice \d{4}-0002 is void/).waitFor();
    await expect.poll(() => builder.getByRole('checkbox').count()).toBe(1);

    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('button', { name: /^Mark paid… \d{4}-0001/ }).click();
    const paid = page.getByRole('dialog', { name: /^Record the payment of/ });
    // Paid today by the practice's clock (a payment in the future is refused).
    await paid.getByLabel('Paid on').fill(DateTime.fromJSDate(clock.now(), { zone: 'Europe/Berlin' }).toISODate()!);
    await checkScreen(page, 'record-mark-paid');
    await paid.getByRole('button', { name: 'Mark paid' }).click();
    await page.getByText(/^Invoice \d{4}-0001 marked paid/).waitFor();
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
    await page.getByRole('row').filter({ hasText: '€160.00' }).getByText('Paid', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Void', exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: /\d{4}-0002/ })
      .waitFor();
    await checkScreen(page, 'record-invoices-void');
    expect(admin.errors).toEqual([]);
  });

  it('deleting a client with records explains why and asks for the email before purging', SLOW, async () => {
    const admin = await signIn(therapist);
    const { page } = admin;
    await page.goto(`/admin/clients/${mia.user.id}`);
    await page.getByRole('button', { name: 'Delete client…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete client' }).click();
    const dialog = page.getByRole('dialog', { name: 'This client has records' });
    await dialog.getByText(/has session notes or invoices/).waitFor();
    const purge = dialog.getByRole('button', { name: 'Delete with notes and invoices' });
    expect(await purge.isDisabled()).toBe(true);
    await dialog.getByLabel("Client's email address").fill(mia.email);
    expect(await purge.isDisabled()).toBe(false);
    await checkScreen(page, 'record-delete-has-records');
    await dialog.getByRole('button', { name: 'Keep the client' }).click();
    await ts.api
      .get(`/api/clients/${mia.user.id}/`)
      .set('Authorization', await staffAuth())
      .expect(200);
  });
});
