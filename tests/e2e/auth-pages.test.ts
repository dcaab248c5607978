// End to end in Chromium: first-run setup, the password reset by mailed code, a failed sign-in, the 429 wait, and the API reference.
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { checkScreen, launchBrowser, mailedCode, openApp, skipReason, startAppServer, type AppPage } from './browser.js';

const suite = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);

const SLOW = { timeout: 120_000 };

suite('setup, password reset and the API reference in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let app: AppPage;
  const email = 'therapist@practice.example';
  const firstPassword = 'Velvet-Morning-Canyon-27';
  const newPassword = 'Amber-Lighthouse-Orbit-64';

  beforeAll(async () => {
    ts = await startAppServer({ env: { RATE_LIMIT_AUTH: '25' } });
    browser = await launchBrowser();
    app = await openApp(browser, ts);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('a new practice opens on the setup screen, which creates the therapist and signs them in', SLOW, async () => {
    const { page } = app;
    await page.goto('/');
    await page.waitForURL('**/setup');
    await expect.poll(() => page.getByLabel('Practice time zone').getAttribute('readonly')).not.toBeNull();
    // A browser has no desktop bridge: the page asks for the setup secret the server printed at start.
    await page.getByLabel('Setup secret').fill('WRON-GSEC-RET0-0000');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('First name').fill('Thea');
    await page.getByLabel('Last name').fill('Rapist');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Create the practice' }).click();
    await page.getByText('The setup secret is missing or wrong').waitFor();
    await page.getByLabel('Setup secret').fill(ts.server.setupSecret()!);
    await page.getByRole('button', { name: 'Create the practice' }).click();
    await page.locator('.field-error').first().waitFor();
    await checkScreen(page, 'setup');

    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByLabel('Repeat the password').fill(firstPassword);
    await page.getByRole('button', { name: 'Create the practice' }).click();
    await page.waitForURL('**/admin/');
    await page.getByText('Every request has been answered.').waitFor();

    await page.goto('/setup');
    await page.waitForURL(/\/(admin\/|login)$/);
  });

  it('a forgotten password is reset with the mailed code, and the new one signs in', SLOW, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await checkScreen(page, 'forgot-password');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();

    await page.getByLabel('Code from the email').fill('000000');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('This code is invalid or has expired').waitFor();
    await checkScreen(page, 'reset-password');

    await page.getByLabel('Code from the email').fill(await mailedCode(ts, email, /reset code/i));
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL('**/login?email=*');
    // The page before may still show (its 'Code from the email' field also matches 'Email'): wait for the new one.
    await expect.poll(() => page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/');
  });

  it('a failed sign-in reads "Email or password is wrong." and offers to send the verification code again', SLOW, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('Not-The-Right-One-5');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is wrong.').waitFor();
    expect(await page.getByText('No active account found').count()).toBe(0);
    await checkScreen(page, 'sign-in-wrong');
    await page.getByRole('button', { name: 'Send the code again' }).click();
    await page.waitForURL('**/verify?email=*');
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    // The page before may still show (its 'Code from the email' field also matches 'Email'): wait for the new one.
    await expect.poll(() => page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/');
  });

  it('too many attempts say how long to wait', SLOW, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    // Spend this address's budget of auth requests (each to another email: one email has its own one-minute cooldown).
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await ts.api.post('/api/auth/forgot-password/').send({ email: `nobody-${attempt}@example.com` });
      if (response.status === 429) break;
    }
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Please wait \d+ seconds? before trying again/).waitFor();
    await checkScreen(page, 'sign-in-throttled');
  });

  it('the API reference lists every section of GET /api/, filters by a search, and links the OpenAPI schema', SLOW, async () => {
    const { page } = app;
    await page.goto('/api-docs');
    await page.getByRole('heading', { name: 'Therapy Appointment API' }).waitFor();
    expect(await page.getByRole('link', { name: /OpenAPI schema/ }).getAttribute('href')).toBe('/api/schema/');
    const root = (await ts.api.get('/api/').expect(200)).body as { endpoints: Record<string, { endpoints: Record<string, unknown> }> };
    const total = Object.values(root.endpoints).reduce((sum, section) => sum + Object.keys(section.endpoints).length, 0);
    expect(await page.locator('article.endpoint').count()).toBe(total);
    await checkScreen(page, 'api-docs');

    await page.getByLabel('Search endpoints').fill('schedule');
    await page.locator('#endpoint-schedule_appointment').waitFor();
    expect(await page.locator('article.endpoint').count()).toBeLessThan(total);
    await page.locator('#endpoint-schedule_appointment').getByText('Example request').click();
    await page
      .locator('#endpoint-schedule_appointment pre')
      .getByText(/curl -X POST/)
      .waitFor();
    await checkScreen(page, 'api-docs-search');
  });

  it('shows no JavaScript or console errors on the way', () => {
    expect(app.errors).toEqual([]);
  });
});
