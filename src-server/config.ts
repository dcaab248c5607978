// The environment table of the API contract, parsed once; every mistake is one clear line.
import net from 'node:net';
import path from 'node:path';
import { KeyError, parseEncryptionKey } from './crypto/keys.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** The environment as given: settings/ reads the practice settings it fixes (PRACTICE_TIMEZONE, SMTP_URL, …) from it. */
  environment: Readonly<Env>;
  /**
   * Which proxies may speak for the client through X-Forwarded-*, in the form Express's `trust proxy` takes:
   * a hop count (0 = none) or a list of addresses, CIDR ranges and names such as `loopback`.
   */
  trustProxy: number | string[];
  /** Certificate and key files (PEM): when set, the server speaks HTTPS on its port. */
  tls: { certFile: string; keyFile: string } | null;
  encryptionKey?: Buffer;
  rateLimitAuth: number;
  failedLoginLimit: number;
  maxPendingRequests: number;
  /** scrypt cost parameter N (a power of two); tests lower it to stay fast. */
  passwordHashCost: number;
  accessTokenMinutes: number;
  refreshTokenDays: number;
  logLevel: string;
  /** Daily backups kept in DATA_DIR/backups; 0 turns automatic backups off. */
  backupKeep: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** True for an address, a CIDR range (`10.0.0.0/8`) or an IPv4 netmask range (`10.0.0.0/255.0.0.0`). */
function isAddressRange(entry: string): boolean {
  const [address, range, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && net.isIPv4(range);
}

/**
 * TRUST_PROXY as Express's `trust proxy` reads it, except that a yes-word means one hop, never "trust everyone":
 * Express's `true` takes the left-most X-Forwarded-For, which the caller writes.
 */
function trustedProxies(env: Env): number | string[] {
  const raw = env.TRUST_PROXY?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no', 'off'].includes(raw)) return 0;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return 1;
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > 10)
      throw new ConfigError(
        `TRUST_PROXY: ${raw} proxy hops is more than any real chain; give the hop count (1 for one tunnel agent or proxy)`,
      );
    return Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !TRUST_PROXY_NAMES.has(entry) && !isAddressRange(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a hop count (1 for one tunnel agent or proxy) or a comma-separated list of addresses, CIDR ranges or loopback; "${wrong}" is none of these`,
    );
  }
  return entries;
}

function tlsFiles(env: Env, cwd: string): ServerConfig['tls'] {
  const certFile = env.TLS_CERT_FILE?.trim();
  const keyFile = env.TLS_KEY_FILE?.trim();
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile)
    throw new ConfigError(`TLS_CERT_FILE and TLS_KEY_FILE go together: ${certFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'} is missing`);
  return { certFile: path.resolve(cwd, certFile), keyFile: path.resolve(cwd, keyFile) };
}

/** Runs `read` (a key is parsed or loaded in crypto/) and turns a KeyError into the configuration error it is. */
export function readKeys<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof KeyError ? new ConfigError(error.message) : error;
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const port = integer(env, 'PORT', 8000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || `sqlite:${path.join(dataDir, 'practice.db')}`;
  if (!/^sqlite:.+/.test(databaseUrl) && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be sqlite:/path/file.db or postgres://…, got "${databaseUrl.split(':')[0]}:…"`);
  }
  const rawKey = env.ENCRYPTION_KEY?.trim();
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    environment: { ...env },
    trustProxy: trustedProxies(env),
    tls: tlsFiles(env, cwd),
    encryptionKey: rawKey ? readKeys(() => parseEncryptionKey(rawKey)) : undefined,
    rateLimitAuth: integer(env, 'RATE_LIMIT_AUTH', 20, 1, 100000),
    failedLoginLimit: integer(env, 'FAILED_LOGIN_LIMIT', 5, 1, 1000),
    maxPendingRequests: integer(env, 'MAX_PENDING_REQUESTS', 5, 1, 1000),
    passwordHashCost: integer(env, 'PASSWORD_HASH_COST', 2 ** 15, 2, 2 ** 20),
    accessTokenMinutes: integer(env, 'ACCESS_TOKEN_MINUTES', 10, 5, 15),
    refreshTokenDays: integer(env, 'REFRESH_TOKEN_DAYS', 7, 1, 7),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    backupKeep: integer(env, 'BACKUP_KEEP', 7, 0, 1000),
  };
}
