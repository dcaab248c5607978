// The sign-in lockout: FAILED_LOGIN_LIMIT wrong passwords for one address from one client address lock that pair for
// 15 minutes; ten times as many from anywhere lock the address, except from where its owner signed in lately.
import { Throttled } from '../http/errors.js';
import { Throttle } from '../http/throttle.js';

export const LOCKOUT_SECONDS = 15 * 60;
/** The account-wide limit is this many times the per-client one: slow enough for the owner, tight enough against a botnet. */
export const ACCOUNT_WIDE_FACTOR = 10;
/** A client address from which the account signed in within this time is the owner's: the account-wide lock spares it. */
const TRUSTED_ADDRESS_MS = 30 * 24 * 60 * 60_000;
/** Bounds the memory of trusted addresses (oldest forgotten first). */
const MAX_TRUSTED = 10_000;

/**
 * Keyed by the address's blind index, known account or not, so a lockout reveals nothing about who has an account.
 * Per client address, so that wrong passwords typed elsewhere cannot keep the owner out from her own computer.
 */
export class FailedLogins {
  private readonly perClient: Throttle;
  private readonly accountWide: Throttle;
  /** `${emailIndex} ${ip}` → last successful sign-in (ms), oldest first. */
  private readonly trusted = new Map<string, number>();

  constructor(
    limit: number,
    private readonly now: () => number,
  ) {
    this.perClient = new Throttle(limit, LOCKOUT_SECONDS);
    this.accountWide = new Throttle(limit * ACCOUNT_WIDE_FACTOR, LOCKOUT_SECONDS);
  }

  private isTrusted(emailIndex: string, ip: string): boolean {
    const since = this.trusted.get(`${emailIndex} ${ip}`);
    return since !== undefined && this.now() - since < TRUSTED_ADDRESS_MS;
  }

  /** Throws Throttled (429 with Retry-After) while the address is locked for this client. */
  async assertNotLocked(emailIndex: string, ip: string): Promise<void> {
    await this.perClient.check(`${emailIndex} ${ip}`);
    if (!this.isTrusted(emailIndex, ip)) await this.accountWide.check(emailIndex);
  }

  async record(emailIndex: string, ip: string): Promise<void> {
    // The lock takes effect at the next attempt (assertNotLocked); this attempt's answer stays the usual 401.
    for (const [throttle, key] of [
      [this.perClient, `${emailIndex} ${ip}`],
      [this.accountWide, emailIndex],
    ] as const) {
      await throttle.hit(key).catch((error: unknown) => {
        if (!(error instanceof Throttled)) throw error;
      });
    }
  }

  /** A successful sign-in: this client's wrong passwords are forgotten and its address is trusted from now on. */
  async signedIn(emailIndex: string, ip: string): Promise<void> {
    await this.perClient.reset(`${emailIndex} ${ip}`);
    const key = `${emailIndex} ${ip}`;
    this.trusted.delete(key);
    this.trusted.set(key, this.now());
    if (this.trusted.size > MAX_TRUSTED) this.trusted.delete(this.trusted.keys().next().value!);
  }

  /** A new password (reset by mailed code): every count for the address starts again from this client. */
  async passwordChanged(emailIndex: string, ip: string): Promise<void> {
    await this.perClient.reset(`${emailIndex} ${ip}`);
    await this.accountWide.reset(emailIndex);
  }
}
