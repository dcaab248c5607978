// Forgotten passwords: a code by mail, checked, then exchanged for a new password that signs out every device.
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { ValidationError } from '../http/errors.js';
import { passwordChangedMail } from '../mail/templates/auth-password-changed.js';
import { passwordResetCodeMail } from '../mail/templates/auth-password-reset-code.js';
import type { CodeCooldown } from './code-cooldown.js';
import { detach } from './detached-work.js';
import type { FailedLogins } from './failed-logins.js';
import { greetingName } from './greeting-name.js';
import { CODE_LIFETIME_MINUTES, failedCheck, type CodeCheck, type OneTimeCodes } from './one-time-codes.js';
import { hashPassword } from './passwords.js';
import { assertAcceptablePassword, passwordProblems } from './password-policy.js';
import { revokeEveryToken } from './sessions.js';
import { findUserByEmail, userEmailIndex } from './user-lookup.js';

export interface NewPasswordInput {
  email: string;
  otp: string;
  new_password: string;
  confirm_password: string;
}

/**
 * Any active account can reset its password, a pending (unverified) one included: the code proves the caller reads
 * the mailbox, so the reset also verifies the address. That serves a registrant who forgot the password chosen at
 * registration (a repeat registration keeps it), and lets an address's owner take back a registration a stranger
 * started with their address and a password of the stranger's choosing.
 */
function canReset(user: UserInstance | null): user is UserInstance {
  return user !== null && user.is_active;
}

type ResetOutcome =
  { kind: 'done' } | { kind: 'failed'; check: Exclude<CodeCheck, { kind: 'valid' }> } | { kind: 'weak'; problems: string[] };

export class PasswordReset {
  constructor(
    private readonly core: ServerCore,
    private readonly codes: OneTimeCodes,
    private readonly cooldown: CodeCooldown,
    private readonly failedLogins: FailedLogins,
  ) {}

  /**
   * Mails a reset code when the address has an account that may reset. The caller's answer is the same in every
   * case and comes before the work is done; the work is the same for every address up to the code itself.
   */
  async sendCode(email: string): Promise<void> {
    const { core } = this;
    const emailIndex = userEmailIndex(core, email);
    // The lock first: its answer says how long to wait, the cooldown's only a minute.
    await this.codes.limits.assertMaySend(emailIndex);
    this.cooldown.take('password_reset', emailIndex);
    const work = core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      if (!(await this.codes.limits.countCode(emailIndex, transaction))) return;
      const recipient = canReset(user) ? user : null;
      await this.codes.mail(
        recipient,
        'password_reset',
        (code) => passwordResetCodeMail(recipient && greetingName(recipient), code, CODE_LIFETIME_MINUTES),
        transaction,
      );
    });
    detach(core.logger, work, 'queueing a password reset code');
  }

  private holder(email: string, user: UserInstance | null) {
    return { emailIndex: userEmailIndex(this.core, email), owner: user, eligible: canReset(user) };
  }

  /** Checks a code without using it up (a wrong guess still counts). */
  async checkCode(email: string, code: string): Promise<void> {
    const { core } = this;
    const check = await core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      return this.codes.verify(this.holder(email, user), 'password_reset', code, transaction);
    });
    if (check.kind !== 'valid') throw failedCheck(check);
  }

  async reset(input: NewPasswordInput, clientIp: string): Promise<void> {
    const { core } = this;
    await assertAcceptablePassword('new_password', input.new_password, { email: input.email }, input.confirm_password);
    const passwordHash = await hashPassword(input.new_password, core.config.passwordHashCost);
    const outcome = await core.db.write(async (transaction): Promise<ResetOutcome> => {
      const user = await findUserByEmail(core, input.email, transaction);
      const check = await this.codes.verify(this.holder(input.email, user), 'password_reset', input.otp, transaction);
      if (check.kind !== 'valid' || !user) return { kind: 'failed', check: check.kind === 'valid' ? { kind: 'invalid' } : check };
      // The names are compared only once the code proved the caller owns the address: they are the owner's secret too.
      const problems = await passwordProblems(input.new_password, user);
      if (problems.length > 0) return { kind: 'weak', problems };
      // Greeted by name only if the address was verified before: a pending account's name may be a stranger's words.
      const greeting = greetingName(user);
      await this.codes.discard(user.id, 'password_reset', transaction);
      await user.update({ password_hash: passwordHash, is_verified: true }, { transaction });
      await revokeEveryToken(user, transaction);
      await core.outbox.queue({ to: user.email, ...passwordChangedMail(greeting) }, transaction);
      return { kind: 'done' };
    });
    if (outcome.kind === 'failed') throw failedCheck(outcome.check);
    if (outcome.kind === 'weak') throw new ValidationError({ new_password: outcome.problems });
    await this.failedLogins.passwordChanged(userEmailIndex(core, input.email), clientIp);
  }
}
