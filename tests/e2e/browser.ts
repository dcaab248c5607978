// Chromium for the end-to-end tests: pages that fail on console errors, screenshots at desktop and phone widths, axe.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DateTime } from 'luxon';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { expect } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/test-server.js';
import type { TestAccount } from '../helpers/users.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** Absolute: Express's sendFile refuses a relative path. */
export const RENDERER_DIR = path.resolve('out/renderer');
export const hasRenderer = fs.existsSync(path.join(RENDERER_DIR, 'index.html'));
/** Why a file's tests are skipped, or null when they can run. */
export const skipReason = !hasChromium
  ? `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`
  : !hasRenderer
    ? `The renderer is not built (${RENDERER_DIR}): run \`npx electron-vite build\` first`
    : null;

const ARTIFACTS = 'test-artifacts';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export function startAppServer(options: Omit<TestServerOptions, 'staticDir'> = {}): Promise<TestServer> {
  return startTestServer({ ...options, staticDir: RENDERER_DIR });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** JavaScript errors and console errors seen so far (answers of 4xx the app handles are not errors). */
  errors: string[];
}

/** A fresh browser profile (its own localStorage: its own session) on the test server. */
export async function openApp(browser: Browser, ts: TestServer, viewport = DESKTOP): Promise<AppPage> {
  // The browser lives in another zone than the practice (Europe/Berlin): times must still be the practice's.
  const context = await browser.newContext({ baseURL: ts.server.url, viewport, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every non-2xx fetch as "Failed to load resource"; the app answers those itself (a wrong password, a 409).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return { page, context, errors };
}

/** A fresh browser profile signed in through the sign-in page, on the account's home (staff: admin; client: appointments). */
export async function signInAs(browser: Browser, ts: TestServer, account: TestAccount, viewport = DESKTOP): Promise<AppPage> {
  const app = await openApp(browser, ts, viewport);
  await app.page.goto('/login');
  await app.page.getByLabel('Email').fill(account.email);
  await app.page.getByLabel('Password').fill(account.password);
  await app.page.getByRole('button', { name: 'Sign in' }).click();
  await app.page.waitForURL(account.user.is_staff ? '**/admin/**' : '**/client/appointments');
  return app;
}

/** Full-page screenshots of the current screen at 1280×800 and 375×740, then back to the page's own size. */
export async function snapBoth(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    // A sticky header would be drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    if (label === 'phone') {
      // Nothing may make a phone scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} is wider than a phone`).toBeLessThanOrEqual(
        size.width,
      );
    }
    // Toasts come and go; they would hide the screen under them.
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${label}.png`), fullPage: true, style: '.toasts { display: none; }' });
  }
  await page.setViewportSize(original);
}

/** An axe scan of the current screen: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/** Screenshots and an axe scan: what every main screen gets. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await snapBoth(page, name);
  await expectAccessible(page, name);
}

/** A wall-clock hour on `day` in Europe/Berlin (the test server's practice zone) as the API writes it in UTC. */
export function berlinTimeInUtc(day: string, hour: number): string {
  const zone = DateTime.fromISO(`${day}T${String(hour).padStart(2, '0')}:00`, { zone: 'Europe/Berlin' });
  return zone.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** The 6-digit code in the latest mail to `address`. */
export async function mailedCode(ts: TestServer, address: string, subject: RegExp): Promise<string> {
  const mail = await ts.mailbox.waitFor((m) => m.to === address.toLowerCase() && subject.test(m.subject));
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail "${mail.subject}"`);
  return code;
}
