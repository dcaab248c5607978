import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src-server/config.js';

describe('configuration from the environment', () => {
  it('uses the contract defaults', () => {
    const config = loadConfig({}, '/srv/practice');
    expect(config.port).toBe(8000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/srv/practice/data');
    expect(config.databaseUrl).toBe('sqlite:/srv/practice/data/practice.db');
    expect(config.rateLimitAuth).toBe(20);
    expect(config.trustProxy).toBe(false);
    expect(config.envSettings).toEqual({});
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be sqlite:/],
    [{ ENCRYPTION_KEY: 'c2hvcnQ=' }, /ENCRYPTION_KEY must be the base64 of exactly 32 bytes/],
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL: Must be smtp:/],
    [{ PRACTICE_TIMEZONE: 'Mars/Olympus' }, /PRACTICE_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/],
    [{ RATE_LIMIT_AUTH: '0' }, /RATE_LIMIT_AUTH must be a whole number/],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes the practice settings that the environment fixes', () => {
    const config = loadConfig({ PRACTICE_TIMEZONE: 'Europe/Vienna', JITSI_DOMAIN: 'video.practice.example', SMTP_URL: 'smtp://u:p@mail:587', TRUST_PROXY: '1' });
    expect(config.envSettings).toEqual({ practice_timezone: 'Europe/Vienna', jitsi_domain: 'video.practice.example', smtp_url: 'smtp://u:p@mail:587' });
    expect(config.trustProxy).toBe(true);
  });
});
