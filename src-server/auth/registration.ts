// Registration: a new, unverified account and a code by mail; the code verifies the address and signs the client in.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { alreadyRegisteredMail } from '../mail/templates/auth-already-registered.js';
import { verificationCodeMail } from '../mail/templates/auth-verification-code.js';
import type { CodeCooldown } from './code-cooldown.js';
import { detach } from './detached-work.js';
import { greetingName } from './greeting-name.js';
import { CODE_LIFETIME_MINUTES, failedCheck, type CodeCheck, type OneTimeCodes } from './one-time-codes.js';
import { hashPassword } from './passwords.js';
import { assertAcceptablePassword } from './password-policy.js';
import type { SignedIn } from './login.js';
import type { Sessions } from './sessions.js';
import { findUserByEmail, userEmailIndex } from './user-lookup.js';

export interface RegistrationInput {
  email: string;
  first_name: string;
  last_name: string;
  phone_number: string | null;
  password: string;
  password2: string;
}

/** Only an account still waiting for verification (and not deactivated) gets registration codes. */
function awaitsVerification(user: UserInstance | null): user is UserInstance {
  return user !== null && !user.is_verified && user.is_active;
}

export class Registration {
  constructor(
    private readonly core: ServerCore,
    private readonly codes: OneTimeCodes,
    private readonly cooldown: CodeCooldown,
    private readonly sessions: Sessions,
  ) {}

  /**
   * Answers alike whether or not the address has an account, and never with a 429 (that would tell a recent mail to
   * a known address apart from a fresh one): a cooldown or a code lock quietly sends nothing instead.
   * A verified address gets a notice instead of a code. A pending registration is never changed by an
   * unauthenticated request: a repeat only re-sends a code for the original one (its password and details stay), so
   * nobody can slip their own password into an account its owner is about to verify.
   */
  async register(input: RegistrationInput): Promise<void> {
    const { core } = this;
    await assertAcceptablePassword('password', input.password, input, input.password2);
    const emailIndex = userEmailIndex(core, input.email);
    const offCooldown = this.cooldown.tryTake('registration', emailIndex);
    // Hashed in every case, so that the answer time does not tell a new address from a known one.
    const passwordHash = await hashPassword(input.password, core.config.passwordHashCost);
    await core.db.write(async (transaction) => {
      const existing = await findUserByEmail(core, input.email, transaction);
      if (existing?.is_verified) {
        if (offCooldown) await core.outbox.queue({ to: existing.email, ...alreadyRegisteredMail(greetingName(existing)) }, transaction);
        return;
      }
      if (existing) {
        if (awaitsVerification(existing) && offCooldown) await this.sendCode(existing, emailIndex, transaction, { repeat: true });
        return;
      }
      const user = await core.db.models.User.create(
        {
          email: input.email,
          email_index: emailIndex,
          first_name: input.first_name,
          last_name: input.last_name,
          phone_number: input.phone_number,
          password_hash: passwordHash,
          date_joined: core.clock.now(),
        },
        { transaction },
      );
      // A new account has had no code yet, so the cooldown (which an unknown address's resend may have started) does not hold it back.
      await this.sendCode(user, emailIndex, transaction);
    });
  }

  /**
   * A new code for an account that is waiting for one; nothing for any other address. The answer is the same and
   * comes before the work is done; the work is the same for every address up to the code itself.
   */
  async resendCode(email: string): Promise<void> {
    const { core } = this;
    const emailIndex = userEmailIndex(core, email);
    // The lock first: its answer says how long to wait, the cooldown's only a minute.
    await this.codes.limits.assertMaySend(emailIndex);
    this.cooldown.take('registration', emailIndex);
    const work = core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      await this.sendCode(awaitsVerification(user) ? user : null, emailIndex, transaction);
    });
    detach(core.logger, work, 'queueing a verification code');
  }

  /** Counts the code against the address's limits (known or not) and, when one may go out, mails it to `user` (for none: the same work). */
  private async sendCode(user: UserInstance | null, emailIndex: string, transaction: Transaction, { repeat = false } = {}): Promise<void> {
    if (!(await this.codes.limits.countCode(emailIndex, transaction))) return;
    await this.codes.mail(user, 'registration', (code) => verificationCodeMail(code, CODE_LIFETIME_MINUTES, { repeat }), transaction);
  }

  async verify(email: string, code: string): Promise<SignedIn> {
    const { core } = this;
    // Returns the failed check rather than throwing, so that a wrong guess is counted (the transaction commits).
    const outcome = await core.db.write(async (transaction): Promise<SignedIn | Exclude<CodeCheck, { kind: 'valid' }>> => {
      const user = await findUserByEmail(core, email, transaction);
      const holder = { emailIndex: userEmailIndex(core, email), owner: user, eligible: awaitsVerification(user) };
      const check = await this.codes.verify(holder, 'registration', code, transaction);
      if (check.kind !== 'valid') return check;
      // A valid check means an eligible owner.
      const owner = user!;
      await this.codes.discard(owner.id, 'registration', transaction);
      await owner.update({ is_verified: true }, { transaction });
      return { user: owner, tokens: await this.sessions.open(owner, transaction) };
    });
    if ('kind' in outcome) throw failedCheck(outcome);
    return outcome;
  }
}
