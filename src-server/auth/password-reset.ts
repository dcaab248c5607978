// Forgotten passwords: a code by mail, checked, then exchanged for a new password that signs out every device.
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { ValidationError } from '../http/errors.js';
import { passwordChangedMail } from '../mail/templates/auth-password-changed.js';
import { passwordResetCodeMail } from '../mail/templates/auth-password-reset-code.js';
import type { CodeCooldown } from './code-cooldown.js';
import { detach } from './detached-work.js';
import type { FailedLogins } from './failed-logins.js';
import { CODE_LIFETIME_MINUTES, invalidCode, type OneTimeCodes } from './one-time-codes.js';
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

/** Only a verified, active account can reset its password (an unverified one registers again). */
function canReset(user: UserInstance | null): user is UserInstance {
  return user !== null && user.is_verified && user.is_active;
}

type ResetOutcome = { kind: 'done' } | { kind: 'invalid_code' } | { kind: 'weak'; problems: string[] };

export class PasswordReset {
  constructor(
    private readonly core: ServerCore,
    private readonly codes: OneTimeCodes,
    private readonly cooldown: CodeCooldown,
    private readonly failedLogins: FailedLogins,
  ) {}

  /**
   * Mails a reset code when the address has an account that may reset. The caller's answer is the same in every
   * case and comes before the work is done, so its timing does not tell whether a code was written and queued.
   */
  sendCode(email: string): void {
    const { core } = this;
    this.cooldown.take('password_reset', userEmailIndex(core, email));
    const work = core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      if (!canReset(user)) return;
      const code = await this.codes.issue(user.id, 'password_reset', transaction);
      await core.outbox.queue({ to: user.email, ...passwordResetCodeMail(user.first_name, code, CODE_LIFETIME_MINUTES) }, transaction);
    });
    detach(core.logger, work, 'queueing a password reset code');
  }

  /** Checks a code without using it up (a wrong guess still counts). */
  async checkCode(email: string, code: string): Promise<void> {
    const { core } = this;
    const valid = await core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      return canReset(user) && (await this.codes.check(user.id, 'password_reset', code, transaction));
    });
    if (!valid) throw invalidCode();
  }

  async reset(input: NewPasswordInput): Promise<void> {
    const { core } = this;
    assertAcceptablePassword('new_password', input.new_password, { email: input.email }, input.confirm_password);
    const passwordHash = await hashPassword(input.new_password, core.config.passwordHashCost);
    const outcome = await core.db.write(async (transaction): Promise<ResetOutcome> => {
      const user = await findUserByEmail(core, input.email, transaction);
      if (!canReset(user) || !(await this.codes.check(user.id, 'password_reset', input.otp, transaction))) return { kind: 'invalid_code' };
      // The names are compared only once the code proved the caller owns the address: they are the owner's secret too.
      const problems = passwordProblems(input.new_password, user);
      if (problems.length > 0) return { kind: 'weak', problems };
      await this.codes.discard(user.id, 'password_reset', transaction);
      await user.update({ password_hash: passwordHash }, { transaction });
      await revokeEveryToken(user, transaction);
      await core.outbox.queue({ to: user.email, ...passwordChangedMail(user.first_name) }, transaction);
      return { kind: 'done' };
    });
    if (outcome.kind === 'invalid_code') throw invalidCode();
    if (outcome.kind === 'weak') throw new ValidationError({ new_password: outcome.problems });
    await this.failedLogins.forget(userEmailIndex(core, input.email));
  }
}
