// End to end in Chromium: a client on a phone in New York books a free slot of a Berlin practice in three taps and
// sees both times; the therapist confirms it from the week view, schedules a pending request by clicking a free time
// there, and schedules with the picker that shows the day's sessions and free slots.
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { checkScreen, launchBrowser, PHONE, signInAs, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
const SLOW = { timeout: 120_000 };

suite('booking a free slot and the week view', () => {
  let ts: TestServer;
  let browser: Browser;
  let therapist: TestAccount;
  let client: TestAccount;
  /** The first free slot when the client books, in the practice's zone: which one it is depends on the time of day. */
  let booked: { start: string; berlin: string; berlinEnd: string };

  const signIn = (account: TestAccount, viewport?: typeof PHONE): Promise<AppPage> => signInAs(browser, ts, account, viewport);

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
    const today = DateTime.now().setZone('Europe/Berlin').toISODate()!;
    const [slot] = (
      await ts.api
        .get('/api/meetings/appointments/available-slots/')
        .query({ from: today, to: DateTime.fromISO(today).plus({ days: 13 }).toISODate()! })
        .expect(200)
    ).body as { start: string; end: string }[];
    const inZone = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toFormat('HH:mm');
    booked = { start: slot.start, berlin: inZone(slot.start, 'Europe/Berlin'), berlinEnd: inZone(slot.end, 'Europe/Berlin') };
    const newYork = inZone(slot.start, 'America/New_York');
    // Tap the first: its Berlin time with the New York time beside it.
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    expect(await first.textContent()).toBe(`${booked.berlin}${newYork} yours`);
    await page.getByLabel(/What would you like to talk about/).fill('Exam stress.');
    await checkScreen(page, 'slot-booking');
    const send = page.getByRole('button', { name: new RegExp(`^Book .*${booked.berlin} \\(${newYork} your time\\)$`) });
    await send.click();
    await page.waitForURL('**/client/appointments');
    await page.getByText('The time is held for you').waitFor();
    const [request] = (await ts.api.get('/api/meetings/user/appointments/').set('Authorization', client.bearer).expect(200)).body
      .results as {
      requested_start: string;
      status: string;
    }[];
    expect(request.status).toBe('pending_review');
    expect(new Date(request.requested_start).getTime()).toBe(new Date(booked.start).getTime());
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
    expect(await held.first().textContent()).toContain(`${booked.berlin}–${booked.berlinEnd}`);
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

  it(
    "the therapist schedules a pending request by clicking a free time in the week view; the picker shows the day's sessions and free slots",
    SLOW,
    async () => {
      const named = async (first_name: string, last_name: string) => {
        const account = await createAccount(ts);
        await account.user.update({ first_name, last_name });
        return account;
      };
      const [rosa, karl, lena] = [await named('Rosa', 'Stern'), await named('Karl', 'Ober'), await named('Lena', 'Vogt')];
      const dates = (await ts.api.get('/api/meetings/appointments/available-dates/').expect(200)).body as string[];
      const ask = async (account: TestAccount, wish: Record<string, unknown>) =>
        (
          await ts.api
            .post('/api/meetings/appointments/create/')
            .set('Authorization', account.bearer)
            .send({
              first_name: account.user.first_name,
              last_name: account.user.last_name,
              email: account.email,
              phone: '',
              reason: 'Would like to start.',
              ...wish,
            })
            .expect(201)
        ).body as { id: string };
      const byPreference = { preferred_dates: [dates[0]], preferred_time_slots: ['afternoon'] };
      const rosaRequest = await ask(rosa, byPreference);
      const karlRequest = await ask(karl, byPreference);
      const today = DateTime.now().setZone('Europe/Berlin').toISODate()!;
      const freeSlots = async () =>
        (
          await ts.api
            .get('/api/meetings/appointments/available-slots/')
            .query({ from: today, to: DateTime.fromISO(today).plus({ days: 13 }).toISODate()! })
            .expect(200)
        ).body as { start: string; date: string }[];

      // Late in the day the first bookable day keeps only its last hours: such a day is blocked, so the day these steps
      // use has room for them all (two sessions, a held slot and one more free time).
      for (;;) {
        const [first, ...rest] = await freeSlots();
        if (rest.filter((slot) => slot.date === first.date).length >= 4) break;
        await ts.api
          .post('/api/meetings/admin/blocked-dates/')
          .set('Authorization', therapist.bearer)
          .send({ date: first.date, on_existing_sessions: 'keep' })
          .expect(201);
      }

      const app = await signIn(therapist);
      const { page } = app;
      /** The week's first free time (the next week's when this one has none left). */
      const firstFreeTime = async (onPage: Page) => {
        await onPage.getByRole('link', { name: 'Week', exact: true }).click();
        await onPage.getByRole('heading', { name: 'Week' }).waitFor();
        const free = onPage.locator('.calendar-free-time');
        const found = await free
          .first()
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
        if (!found) await onPage.getByRole('button', { name: 'Next week' }).click();
        await free.first().waitFor();
        return free.first();
      };

      // The week on screen, then another request takes its first free time: the click meets the schedule API's 409.
      const stale = await firstFreeTime(page);
      const [taken] = await freeSlots();
      await ts.api
        .post(`/api/meetings/appointments/${karlRequest.id}/schedule/`)
        .set('Authorization', therapist.bearer)
        .send({ scheduled_datetime: taken.start, scheduled_duration: 50 })
        .expect(200);
      await stale.click();
      const dialog = page.getByRole('dialog', { name: 'Schedule a pending request here' });
      await dialog.getByLabel(/Rosa Stern/).check();
      await dialog.getByRole('button', { name: 'Schedule and email the client' }).click();
      await dialog.getByText(/^This time overlaps Karl O\., /).waitFor();
      await checkScreen(page, 'week-schedule-here-conflict');
      await page.keyboard.press('Escape');

      await page.reload();
      const chip = await firstFreeTime(page);
      const [next] = await freeSlots();
      expect(await chip.getAttribute('aria-label')).toContain(
        `at ${DateTime.fromISO(next.start, { zone: 'Europe/Berlin' }).toFormat('HH:mm')}`,
      );
      await chip.click();
      await dialog.getByLabel(/Rosa Stern/).check();
      await checkScreen(page, 'week-schedule-here');
      await dialog.getByRole('button', { name: 'Schedule and email the client' }).click();
      await page.getByText(/^Rosa Stern is scheduled for /).waitFor();
      const rosaNow = (await ts.api.get(`/api/meetings/appointments/${rosaRequest.id}/`).set('Authorization', therapist.bearer).expect(200))
        .body;
      expect(rosaNow).toMatchObject({ status: 'scheduled', scheduled_datetime: next.start });
      await page.locator('.calendar-entry.session', { hasText: 'Rosa Stern' }).waitFor();

      // A request holding a free slot on the same day: its drawer starts on the held time, with the day's sessions and free slots.
      const sameDay = (await freeSlots()).filter((slot) => slot.date === taken.date);
      const held = sameDay.at(-1)!;
      const lenaRequest = await ask(lena, { requested_start: held.start });
      const heldTime = DateTime.fromISO(held.start, { zone: 'Europe/Berlin' }).toFormat('HH:mm');
      await page.getByRole('link', { name: 'Requests' }).click();
      await page.getByRole('button', { name: /Open request of Lena Vogt/ }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('group', { name: /Date and time \(Europe\/Berlin\)/ }).waitFor();
      // Times read 24-hour everywhere, whatever the browser's language (en-US here), with the zone named.
      await drawer.getByText(/^Requested \w{3}, .*\b\d{2}:\d{2} GMT\+[12]$/).waitFor();
      await expect.poll(() => drawer.getByLabel('Day', { exact: true }).inputValue()).toBe(taken.date);
      expect(await drawer.getByLabel('Time', { exact: true }).inputValue()).toBe(heldTime);
      const slots = drawer.getByRole('group', { name: /^Free times on / });
      await slots.getByRole('button', { name: `${heldTime} (requested)`, exact: true }).waitFor();
      await drawer.getByText(/Karl Ober/).waitFor();
      await drawer.getByText(/Rosa Stern/).waitFor();
      const confirm = drawer.getByRole('button', { name: 'Confirm requested time' });
      await confirm.waitFor();
      await checkScreen(page, 'schedule-picker');
      // Another free slot turns it into a plain scheduling; back on the held one it confirms the request again.
      await slots.getByRole('button').first().click();
      await drawer.getByRole('button', { name: 'Schedule and email the client' }).waitFor();
      await slots.getByRole('button', { name: new RegExp(`^${heldTime}`) }).click();
      await confirm.click();
      await page.getByText(/^Scheduled for /).waitFor();
      const lenaNow = (await ts.api.get(`/api/meetings/appointments/${lenaRequest.id}/`).set('Authorization', therapist.bearer).expect(200))
        .body;
      expect(lenaNow).toMatchObject({ status: 'scheduled', scheduled_datetime: held.start });
      expect(app.errors).toEqual([]);
      await app.context.close();
    },
  );
});
