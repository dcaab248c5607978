// Registration: a new, unverified account and a code by mail; the code verifies the address and signs the client in.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { alreadyRegisteredMail } from '../mail/templates/auth-already-registered.js';
import { verificationCodeMail } from '../mail/templates/auth-verification-code.js';
import type { CodeCooldown } from './code-cooldown.js';
import { detach } from './detached-work.js';
import { CODE_LIFETIME_MINUTES, invalidCode, type OneTimeCodes } from './one-time-codes.js';
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
   * Answers alike whether or not the address has an account. A verified address gets a notice instead of a code;
   * a pending registration is replaced by this one (the newest code is the only one that works).
   */
  async register(input: RegistrationInput): Promise<void> {
    const { core } = this;
    assertAcceptablePassword('password', input.password, input, input.password2);
    this.cooldown.take('registration', userEmailIndex(core, input.email));
    const passwordHash = await hashPassword(input.password, core.config.passwordHashCost);
    const details = { first_name: input.first_name, last_name: input.last_name, phone_number: input.phone_number, password_hash: passwordHash };
    await core.db.write(async (transaction) => {
      const existing = await findUserByEmail(core, input.email, transaction);
      if (existing?.is_verified) {
        await core.outbox.queue({ to: existing.email, ...alreadyRegisteredMail(existing.first_name) }, transaction);
        return;
      }
      if (existing && !existing.is_active) return;
      const user = existing
        ? await existing.update(details, { transaction })
        : await core.db.models.User.create(
            { ...details, email: input.email, email_index: userEmailIndex(core, input.email), date_joined: core.clock.now() },
            { transaction },
          );
      await this.sendCode(user, transaction);
    });
  }

  /**
   * A new code for an account that is waiting for one; nothing for any other address. The answer is the same and
   * comes before the work is done, so its timing does not tell whether a code was written and queued.
   */
  resendCode(email: string): void {
    const { core } = this;
    this.cooldown.take('registration', userEmailIndex(core, email));
    const work = core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      if (awaitsVerification(user)) await this.sendCode(user, transaction);
    });
    detach(core.logger, work, 'queueing a verification code');
  }

  private async sendCode(user: UserInstance, transaction: Transaction): Promise<void> {
    const code = await this.codes.issue(user.id, 'registration', transaction);
    await this.core.outbox.queue({ to: user.email, ...verificationCodeMail(user.first_name, code, CODE_LIFETIME_MINUTES) }, transaction);
  }

  async verify(email: string, code: string): Promise<SignedIn> {
    const { core } = this;
    // Returns null rather than throwing, so that a wrong guess is counted (the transaction commits).
    const signedIn = await core.db.write(async (transaction) => {
      const user = await findUserByEmail(core, email, transaction);
      if (!awaitsVerification(user) || !(await this.codes.check(user.id, 'registration', code, transaction))) return null;
      await this.codes.discard(user.id, 'registration', transaction);
      await user.update({ is_verified: true }, { transaction });
      return { user, tokens: await this.sessions.open(user, transaction) };
    });
    if (!signedIn) throw invalidCode();
    return signedIn;
  }
}
