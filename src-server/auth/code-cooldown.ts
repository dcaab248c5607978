// The resend cooldown: one code per email address and purpose every 60 seconds, known address or not.
import type { Clock } from '../clock.js';
import type { OtpPurpose } from '../db/models/otp-code.js';
import { Throttled } from '../http/errors.js';

export const CODE_COOLDOWN_SECONDS = 60;

export class CodeCooldown {
  /** Cooldown end (ms) by key, in insertion order, so expired entries are dropped from the front. */
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Throws Throttled while the address is cooling down for `purpose`; otherwise starts its cooldown. */
  take(purpose: OtpPurpose, emailIndex: string): void {
    const key = `${purpose}:${emailIndex}`;
    const now = this.clock.now().getTime();
    const end = this.until.get(key);
    if (end !== undefined && end > now) throw new Throttled((end - now) / 1000);
    for (const [stale, staleEnd] of this.until) {
      if (staleEnd > now) break;
      this.until.delete(stale);
    }
    this.until.delete(key);
    this.until.set(key, now + CODE_COOLDOWN_SECONDS * 1000);
  }
}
