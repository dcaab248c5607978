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
    const wait = this.secondsLeft(purpose, emailIndex);
    if (wait > 0) throw new Throttled(wait);
    this.start(purpose, emailIndex);
  }

  /**
   * For `register`, whose answer must not depend on the address: false (send nothing) while cooling down,
   * instead of a 429 that would tell a recent mail to a known account apart from a fresh address.
   */
  tryTake(purpose: OtpPurpose, emailIndex: string): boolean {
    if (this.secondsLeft(purpose, emailIndex) > 0) return false;
    this.start(purpose, emailIndex);
    return true;
  }

  private secondsLeft(purpose: OtpPurpose, emailIndex: string): number {
    const end = this.until.get(`${purpose}:${emailIndex}`);
    const now = this.clock.now().getTime();
    return end !== undefined && end > now ? (end - now) / 1000 : 0;
  }

  private start(purpose: OtpPurpose, emailIndex: string): void {
    const key = `${purpose}:${emailIndex}`;
    const now = this.clock.now().getTime();
    for (const [stale, staleEnd] of this.until) {
      if (staleEnd > now) break;
      this.until.delete(stale);
    }
    this.until.delete(key);
    this.until.set(key, now + CODE_COOLDOWN_SECONDS * 1000);
  }
}
