// Password hashing with scrypt (memory-hard, salted); the cost is configurable so that tests stay fast.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';

const KEY_BYTES = 32;

/**
 * At most one hash per core runs at once; the others wait their turn in order. Without the cap a flood of logins
 * fills libuv's thread pool (and memory: each hash takes 128·N·r bytes), so a real user's sign-in waits behind all of it.
 */
export const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism());

/** How many hashes run right now and the most that ever ran at once: the cap made visible (tests, diagnostics). */
export const passwordHashGauge = { running: 0, peak: 0, waiting: 0 };

const queue: (() => void)[] = [];

async function takeHashSlot(): Promise<void> {
  if (passwordHashGauge.running >= MAX_CONCURRENT_HASHES) {
    passwordHashGauge.waiting += 1;
    await new Promise<void>((resolve) => queue.push(resolve));
    passwordHashGauge.waiting -= 1;
  } else {
    passwordHashGauge.running += 1;
  }
  passwordHashGauge.peak = Math.max(passwordHashGauge.peak, passwordHashGauge.running);
}

function releaseHashSlot(): void {
  // The slot passes straight to the next waiter, so `running` never dips and rises again in between.
  const next = queue.shift();
  if (next) next();
  else passwordHashGauge.running -= 1;
}

async function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  await takeHashSlot();
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    releaseHashSlot();
  }
}

function optionsFor(cost: number): ScryptOptions {
  return { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 };
}

/** `scrypt$N$r$p$salt$hash`, so that a later cost change still verifies old hashes. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, optionsFor(cost));
  return ['scrypt', cost, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const cost = Number(n);
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { ...optionsFor(cost), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The work of one verification where there is no account to verify against; always false. */
export async function verifyWithoutAccount(password: string, cost: number): Promise<false> {
  await hashPassword(password, cost);
  return false;
}
