// Six-digit codes sent by mail: random, stored as a salted keyed hash, valid 10 minutes, single use, 5 wrong tries.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { OtpPurpose } from '../db/models/otp-code.js';
import type { UserInstance } from '../db/models/user.js';
import { ValidationError } from '../http/errors.js';
import { codeGuessesMail } from '../mail/templates/auth-code-guesses.js';
import { codeLocked, type CodeLimits } from './code-limits.js';
import { greetingName } from './greeting-name.js';

export const CODE_LIFETIME_MINUTES = 10;
export const MAX_WRONG_ATTEMPTS = 5;

/** The blind-index purpose of code hashes: a keyed HMAC, so a copy of the database alone cannot test guesses. */
const CODE_HASH_PURPOSE = 'otp_codes.code';

/** One answer for a wrong, expired, used-up or unknown code, whoever the address belongs to. */
export function invalidCode(): ValidationError {
  return ValidationError.field('otp', 'This code is invalid or has expired. Please ask for a new one.');
}

/** The result of a code check: `locked` says how long the address must wait before asking for a new code. */
export type CodeCheck = { kind: 'valid' } | { kind: 'invalid' } | { kind: 'locked'; waitMs: number };

/** The answer for a code check that failed: the same for every address unless the address is locked. */
export function failedCheck(check: Exclude<CodeCheck, { kind: 'valid' }>): ValidationError {
  return check.kind === 'locked' ? codeLocked(check.waitMs) : invalidCode();
}

export interface CodeHolder {
  /** The address's blind index: limits are kept per address, known or not. */
  emailIndex: string;
  /** The account of the address, if there is one (told by mail when its codes get locked). */
  owner: UserInstance | null;
  /** Whether the owner may use a code of this purpose at all (a verified account has no registration code). */
  eligible: boolean;
}

export class OneTimeCodes {
  constructor(
    private readonly core: ServerCore,
    readonly limits: CodeLimits,
  ) {}

  private hash(salt: string, code: string): string {
    return this.core.blindIndex.of(`${salt}:${code}`, CODE_HASH_PURPOSE);
  }

  /** A fresh code for the user and purpose; an earlier one stops working. Returns the code to mail. */
  async issue(userId: string, purpose: OtpPurpose, transaction: Transaction): Promise<string> {
    await this.discard(userId, purpose, transaction);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const expiresAt = new Date(this.core.clock.now().getTime() + CODE_LIFETIME_MINUTES * 60_000);
    await this.core.db.models.OtpCode.create({ user_id: userId, purpose, salt, code_hash: this.hash(salt, code), expires_at: expiresAt }, { transaction });
    return code;
  }

  /**
   * True when `code` is the user's live code for `purpose`. A wrong guess is counted (the code dies at the limit),
   * so the caller must let the transaction commit even when the answer is false.
   */
  private async check(userId: string, purpose: OtpPurpose, code: string, transaction: Transaction): Promise<boolean> {
    const row = await this.core.db.models.OtpCode.findOne({ where: { user_id: userId, purpose }, transaction });
    if (!row) return false;
    if (row.expires_at.getTime() <= this.core.clock.now().getTime() || row.attempts >= MAX_WRONG_ATTEMPTS) {
      await row.destroy({ transaction });
      return false;
    }
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(this.hash(row.salt, code), 'hex');
    if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
    const attempts = row.attempts + 1;
    if (attempts >= MAX_WRONG_ATTEMPTS) await row.destroy({ transaction });
    else await row.update({ attempts }, { transaction });
    return false;
  }

  /**
   * Checks a code against the address's limits: while it is locked nothing is checked; a wrong guess is counted for
   * the address (known or not, alike), and the guess that locks it kills the owner's codes and tells the owner once.
   * The caller must let the transaction commit whatever the answer.
   */
  async verify(holder: CodeHolder, purpose: OtpPurpose, code: string, transaction: Transaction): Promise<CodeCheck> {
    const wait = await this.limits.lockedFor(holder.emailIndex, transaction);
    if (wait > 0) return { kind: 'locked', waitMs: wait };
    const { owner } = holder;
    if (owner && holder.eligible && (await this.check(owner.id, purpose, code, transaction))) return { kind: 'valid' };
    const outcome = await this.limits.countWrongGuess(holder.emailIndex, transaction);
    if (!outcome.locked) return { kind: 'invalid' };
    if (owner) {
      await this.core.db.models.OtpCode.destroy({ where: { user_id: owner.id }, transaction });
      if (outcome.tellOwner) await this.core.outbox.queue({ to: owner.email, ...codeGuessesMail(greetingName(owner)) }, transaction);
    }
    return { kind: 'locked', waitMs: outcome.waitMs };
  }

  /** Uses the code up (or drops a pending one). */
  async discard(userId: string, purpose: OtpPurpose, transaction: Transaction): Promise<void> {
    await this.core.db.models.OtpCode.destroy({ where: { user_id: userId, purpose }, transaction });
  }
}
