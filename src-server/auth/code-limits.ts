// Limits on one-time codes per email address, kept in the database so a restart does not reset them: at most 20 wrong
// guesses and 10 new codes a day, and a growing wait (15, 30, 60 minutes, then the rest of the day) after every 5 wrong guesses.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { AuthCodeLimitInstance } from '../db/models/auth-code-limit.js';
import { ApiError, ValidationError } from '../http/errors.js';

export const GUESSES_PER_LOCK = 5;
export const DAILY_WRONG_GUESS_LIMIT = 20;
export const DAILY_CODE_LIMIT = 10;
const FIRST_LOCK_MINUTES = 15;
const WINDOW_MS = 24 * 60 * 60_000;

export function tooManyAttemptsText(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many attempts: request a new code in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** A code request while the address is locked: 429 with Retry-After, worded for people. */
export class TooManyCodeRequests extends ApiError {
  constructor(waitMs: number) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    super(
      429,
      { detail: tooManyAttemptsText(waitMs), code: 'too_many_attempts', retry_after: seconds },
      { 'Retry-After': String(seconds) },
    );
  }
}

/** A code check while the address is locked: a 400 on the code, saying why the code fails and when to ask again. */
export function codeLocked(waitMs: number): ValidationError {
  return ValidationError.field('otp', tooManyAttemptsText(waitMs));
}

export type WrongGuessOutcome = { locked: false } | { locked: true; waitMs: number; tellOwner: boolean };

export class CodeLimits {
  constructor(private readonly core: ServerCore) {}

  private now(): Date {
    return this.core.clock.now();
  }

  /**
   * The address's row in its current window (a new window starts 24 hours after the last began), not saved yet:
   * the caller's one save inserts or updates it, so a first-seen address costs the same statements as a known one.
   */
  private async current(emailIndex: string, transaction: Transaction): Promise<AuthCodeLimitInstance> {
    const { AuthCodeLimit } = this.core.db.models;
    const now = this.now();
    const row =
      (await AuthCodeLimit.findByPk(emailIndex, { transaction })) ?? AuthCodeLimit.build({ email_index: emailIndex, window_start: now });
    if (now.getTime() - row.window_start.getTime() >= WINDOW_MS) {
      // A lock that reaches past the old window's end still holds.
      row.set({ window_start: now, wrong_guesses: 0, codes_sent: 0, owner_notified: false });
    }
    return row;
  }

  private waitMs(row: AuthCodeLimitInstance | null): number {
    const until = row?.locked_until?.getTime() ?? 0;
    return Math.max(0, until - this.now().getTime());
  }

  /** How long the address must wait before its next code check (0: none). */
  async lockedFor(emailIndex: string, transaction: Transaction): Promise<number> {
    return this.waitMs(await this.core.db.models.AuthCodeLimit.findByPk(emailIndex, { transaction }));
  }

  /** Before answering a code request: a 429 while the address is locked or has had its codes for the day. Reads only. */
  async assertMaySend(emailIndex: string): Promise<void> {
    const row = await this.core.db.models.AuthCodeLimit.findByPk(emailIndex);
    const wait = Math.max(this.waitMs(row), row ? this.dailyCodesWaitMs(row) : 0);
    if (wait > 0) throw new TooManyCodeRequests(wait);
  }

  private dailyCodesWaitMs(row: AuthCodeLimitInstance): number {
    const windowEnd = row.window_start.getTime() + WINDOW_MS;
    return row.codes_sent >= DAILY_CODE_LIMIT ? Math.max(0, windowEnd - this.now().getTime()) : 0;
  }

  /** Counts a new code for the address (known or not, so both cost the same); false when none may be sent now. */
  async countCode(emailIndex: string, transaction: Transaction): Promise<boolean> {
    const row = await this.current(emailIndex, transaction);
    const allowed = this.waitMs(row) === 0 && this.dailyCodesWaitMs(row) === 0;
    if (allowed) row.set({ codes_sent: row.codes_sent + 1 });
    // Saved either way (a refused request changes nothing but `updated_at`), so a refusal costs what a code costs.
    row.changed('updated_at', true);
    await row.save({ transaction });
    return allowed;
  }

  /** Counts a wrong guess; every GUESSES_PER_LOCK of them lock the address, each time longer, at the daily limit for the rest of the window. */
  async countWrongGuess(emailIndex: string, transaction: Transaction): Promise<WrongGuessOutcome> {
    const row = await this.current(emailIndex, transaction);
    const wrongGuesses = row.wrong_guesses + 1;
    if (wrongGuesses % GUESSES_PER_LOCK !== 0 && wrongGuesses < DAILY_WRONG_GUESS_LIMIT) {
      await row.set({ wrong_guesses: wrongGuesses }).save({ transaction });
      return { locked: false };
    }
    const now = this.now().getTime();
    const lockNumber = Math.floor(wrongGuesses / GUESSES_PER_LOCK);
    const backoffEnd = now + FIRST_LOCK_MINUTES * 60_000 * 2 ** (lockNumber - 1);
    const windowEnd = row.window_start.getTime() + WINDOW_MS;
    const lockedUntil = new Date(wrongGuesses >= DAILY_WRONG_GUESS_LIMIT ? Math.max(backoffEnd, windowEnd) : backoffEnd);
    const tellOwner = !row.owner_notified;
    await row.set({ wrong_guesses: wrongGuesses, locked_until: lockedUntil, owner_notified: true }).save({ transaction });
    return { locked: true, waitMs: lockedUntil.getTime() - now, tellOwner };
  }
}
