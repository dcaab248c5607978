import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src-server/config.js';
import { startPracticeServer } from '../../../src-server/server.js';
import { readSettingOverrides } from '../../../src-server/settings/setting-rules.js';

const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-settings-env-'));
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

describe('practice settings fixed by the environment', () => {
  it('are read with their variables', () => {
    const overrides = readSettingOverrides({
      PRACTICE_TIMEZONE: 'Europe/Vienna',
      JITSI_DOMAIN: 'video.practice.example',
      SMTP_URL: 'smtp://u:p@mail:587',
      PORT: '80',
    });
    expect(overrides).toEqual({
      practice_timezone: 'Europe/Vienna',
      jitsi_domain: 'video.practice.example',
      smtp_url: 'smtp://u:p@mail:587',
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example' }, /^SMTP_URL: Must be smtp:/],
    [{ PRACTICE_TIMEZONE: 'Mars/Olympus' }, /^PRACTICE_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/],
    [{ PRACTICE_CURRENCY: 'euro' }, /^PRACTICE_CURRENCY: Must be an ISO 4217 currency code/],
  ])('stop start-up on %o with one line naming the variable, before anything is opened', async (env, message) => {
    const dataDir = path.join(parent, `data-${Object.keys(env)[0]}`);
    const config = loadConfig({ ...env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    const start = startPracticeServer({ config });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(message);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
