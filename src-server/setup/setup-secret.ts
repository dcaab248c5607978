// The one-time setup secret: first-run setup must prove it comes from someone who sees the practice computer itself.
//
// A plain TCP forwarder (ssh -R, ngrok tcp, socat) delivers a stranger's request on loopback with Host: localhost
// and no X-Forwarded-*, so "local" alone cannot tell them from the therapist. The secret is shown only where the
// owner looks: the server's console and log, and the desktop window through the preload bridge.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.js';

/** Crockford's base32 (no I, L, O, U): 32 letters, so each random byte's low 5 bits pick one without bias. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16; // 80 bits: out of reach of guessing under the setup throttle

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** What a person may type for `ABCD-EFGH-…`: any case, with or without the dashes and spaces. */
function normalise(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export class SetupSecret {
  private value: string | null = null;

  /** Makes a new secret, as `XXXX-XXXX-XXXX-XXXX`. */
  issue(): string {
    const letters = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
    this.value = letters.match(/.{4}/g)!.join('-');
    return this.value;
  }

  /** The secret while first-run setup is open; null before one is issued and after setup is done. */
  current(): string | null {
    return this.value;
  }

  /** Compares in constant time (both sides hashed to the same length first). */
  matches(typed: string | undefined): boolean {
    if (this.value === null || typed === undefined) return false;
    return timingSafeEqual(digest(normalise(typed)), digest(normalise(this.value)));
  }

  retire(): void {
    this.value = null;
  }
}

/**
 * At start: while the practice has no staff account, issues the secret and writes it to the log (the headless
 * server also prints it). It is the one secret the log carries on purpose: it is meant for the owner, opens only
 * first-run setup, and dies with it.
 */
export function announceSetupSecret(secret: SetupSecret, needsSetup: boolean, logger: Logger): void {
  if (!needsSetup) return;
  logger.warn(`First-run setup is open: the setup screen asks for this setup secret: ${secret.issue()}`);
}
