// The per-account lockout: after FAILED_LOGIN_LIMIT wrong passwords for one address, sign-in waits 15 minutes.
import { Throttled } from '../http/errors.js';
import { Throttle } from '../http/throttle.js';

export const LOCKOUT_SECONDS = 15 * 60;

/** Keyed by the address's blind index, known account or not, so a lockout reveals nothing about who has an account. */
export class FailedLogins {
  private readonly failures: Throttle;

  constructor(limit: number) {
    this.failures = new Throttle(limit, LOCKOUT_SECONDS);
  }

  /** Throws Throttled (429 with Retry-After) while the address is locked. */
  assertNotLocked(emailIndex: string): Promise<void> {
    return this.failures.check(emailIndex);
  }

  async record(emailIndex: string): Promise<void> {
    // The lock takes effect at the next attempt (assertNotLocked); this attempt's answer stays the usual 401.
    await this.failures.hit(emailIndex).catch((error: unknown) => {
      if (!(error instanceof Throttled)) throw error;
    });
  }

  forget(emailIndex: string): Promise<void> {
    return this.failures.reset(emailIndex);
  }
}
