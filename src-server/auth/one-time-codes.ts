// Six-digit codes sent by mail: random, stored as a salted keyed hash, valid 10 minutes, single use, 5 wrong tries.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { OtpPurpose } from '../db/models/otp-code.js';
import type { UserInstance } from '../db/models/user.js';
import { ValidationError } from '../http/errors.js';
import { codeGuessesMail } from '../mail/templates/auth-code-guesses.js';
import type { MailContent } from '../mail/templates/layout.js';
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

/** No account has this id: statements about it read the same tables and indexes as for an account, and change nothing. */
const NO_ACCOUNT = '00000000-0000-4000-8000-000000000000';

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
    await this.core.db.models.OtpCode.create(
      { user_id: userId, purpose, salt, code_hash: this.hash(salt, code), expires_at: expiresAt },
      { transaction },
    );
    return code;
  }

  /**
   * Issues a code for `recipient` and queues the mail `compose` makes of it. For no recipient (an unknown or
   * ineligible address) the same statements run against no account, so the one database writer is held about as
   * long either way and the next request's wait does not tell whether the address has an account.
   */
  async mail(
    recipient: UserInstance | null,
    purpose: OtpPurpose,
    compose: (code: string) => MailContent,
    transaction: Transaction,
  ): Promise<void> {
    if (recipient) {
      const code = await this.issue(recipient.id, purpose, transaction);
      await this.core.outbox.queue({ to: recipient.email, ...compose(code) }, transaction);
      return;
    }
    const { OtpCode, OutboxMail } = this.core.db.models;
    await this.discard(NO_ACCOUNT, purpose, transaction);
    this.hash(randomBytes(16).toString('hex'), String(randomInt(0, 1_000_000)).padStart(6, '0'));
    await OtpCode.findOne({ where: { user_id: NO_ACCOUNT, purpose }, transaction });
    await OutboxMail.findOne({ where: { id: NO_ACCOUNT }, attributes: ['id'], transaction });
  }

  /**
   * True when `code` is the user's live code for `purpose`. A wrong guess is counted (the code dies at the limit),
   * so the caller must let the transaction commit even when the answer is false.
   */
  private async check(userId: string, purpose: OtpPurpose, code: string, transaction: Transaction): Promise<boolean> {
    const { OtpCode } = this.core.db.models;
    const row = await OtpCode.findOne({ where: { user_id: userId, purpose }, transaction });
    if (!row) {
      // The statement a wrong guess at a live code costs, matching nothing: no code must cost the same as a wrong one.
      await OtpCode.update({ attempts: 1 }, { where: { user_id: userId, purpose }, transaction });
      return false;
    }
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
    // An address without a usable code is looked up all the same (under no account), to cost the same work.
    if (await this.check(owner && holder.eligible ? owner.id : NO_ACCOUNT, purpose, code, transaction)) return { kind: 'valid' };
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
