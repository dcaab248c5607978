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
    expect(config.trustProxy).toBe(0);
    expect(config.tls).toBeNull();
    expect(config.environment).toEqual({});
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be sqlite:/],
    [{ ENCRYPTION_KEY: 'c2hvcnQ=' }, /ENCRYPTION_KEY must be the base64 of exactly 32 bytes/],
    [{ RATE_LIMIT_AUTH: '0' }, /RATE_LIMIT_AUTH must be a whole number/],
    [{ TRUST_PROXY: 'loopback, my-tunnel' }, /TRUST_PROXY must be a hop count .*"my-tunnel" is none of these/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY must be a hop count/],
    [{ TLS_CERT_FILE: 'cert.pem' }, /TLS_CERT_FILE and TLS_KEY_FILE go together: TLS_KEY_FILE is missing/],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    ['yes', 1],
    ['2', 2],
    ['off', 0],
    ['loopback', ['loopback']],
    ['127.0.0.1, 10.0.0.0/8, fd00::/8', ['127.0.0.1', '10.0.0.0/8', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s as Express trust proxy %o (a yes-word is one hop, never "trust everyone")', (raw, trusted) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(trusted);
  });
});
