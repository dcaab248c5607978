// Runs the real desktop app in Electron (under Xvfb on CI). Skipped, saying why, where the Electron binary is not installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/test-server.js';

const electronPackage = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
/** electron's install script writes path.txt once the binary is downloaded; npm ci skips that script (package.json allowScripts). */
const hasElectronBinary = fs.existsSync(path.join(electronPackage, 'path.txt'));
const SKIPPED =
  'the Electron binary is not installed here (npm ci skips its download; npm start fetches it); these tests run where it is, e.g. under Xvfb';

let app: ElectronApplication;
let page: Page;
let profile: string;

beforeAll(async () => {
  if (!hasElectronBinary) return;
  if (!fs.existsSync('out/main/index.js')) execSync('npx electron-vite build', { stdio: 'inherit' });
  profile = tempDataDir();
  app = await electron.launch({
    args: ['.'],
    env: { ...process.env, XDG_CONFIG_HOME: profile, DATA_DIR: path.join(profile, 'data'), PORT: '0', HOST: '127.0.0.1', BACKUP_KEEP: '0' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  if (!hasElectronBinary) return;
  await app?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('the desktop app in Electron', () => {
  it('opens its window on the embedded server of a fresh profile, which needs setup', async ({ skip }) => {
    skip(!hasElectronBinary, SKIPPED);
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const status = await page.evaluate(() => fetch('/api/setup/').then((res) => res.json()));
    expect(status.needs_setup).toBe(true);
  });

  it('gives the page the named bridge and nothing of Node', async ({ skip }) => {
    skip(!hasElectronBinary, SKIPPED);
    const seen = await page.evaluate(async () => {
      const desktop = (
        window as unknown as {
          practiceDesktop: {
            version: string;
            keychainStatus(): Promise<{ protection: string }>;
            lanUrls(): Promise<string[]>;
            setupSecret(): Promise<string | null>;
          };
        }
      ).practiceDesktop;
      return {
        version: desktop.version,
        protection: (await desktop.keychainStatus()).protection,
        lanUrls: await desktop.lanUrls(),
        setupSecret: await desktop.setupSecret(),
        node:
          typeof (window as unknown as { require?: unknown }).require !== 'undefined' ||
          typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      };
    });
    expect(seen.version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(['keychain', 'file', 'environment']).toContain(seen.protection);
    expect(Array.isArray(seen.lanUrls)).toBe(true);
    // A fresh profile needs setup: the window has the one-time secret without anyone typing it.
    expect(seen.setupSecret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(seen.node).toBe(false);
  });

  it('sends an external link to the system browser and keeps the window on the app', async ({ skip }) => {
    skip(!hasElectronBinary, SKIPPED);
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    const appUrl = page.url();
    await page.evaluate(() => window.open('https://meet.jit.si/practice-test-room'));
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/';
      document.body.append(link);
      link.click();
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
      .toEqual(['https://meet.jit.si/practice-test-room', 'https://example.org/']);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe(appUrl);
  });
});
