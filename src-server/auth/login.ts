// Sign-in with email and password (SimpleJWT's obtain-pair), without telling strangers which addresses have accounts.
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { AuthenticationFailed, PermissionDenied } from '../http/errors.js';
import type { FailedLogins } from './failed-logins.js';
import { verifyPassword, verifyWithoutAccount } from './passwords.js';
import type { Sessions, TokenPair } from './sessions.js';
import { findUserByEmail, userEmailIndex } from './user-lookup.js';

export interface SignedIn {
  user: UserInstance;
  tokens: TokenPair;
}

export class Login {
  constructor(
    private readonly core: ServerCore,
    private readonly sessions: Sessions,
    private readonly failedLogins: FailedLogins,
  ) {}

  async login(email: string, password: string): Promise<SignedIn> {
    const emailIndex = userEmailIndex(this.core, email);
    await this.failedLogins.assertNotLocked(emailIndex);
    const user = await findUserByEmail(this.core, email);
    // An unknown address costs the same hash work as a known one, so the answer time does not tell them apart.
    const passwordMatches = user ? await verifyPassword(password, user.password_hash) : await verifyWithoutAccount(password, this.core.config.passwordHashCost);
    if (!user || !passwordMatches) {
      await this.failedLogins.record(emailIndex);
      throw new AuthenticationFailed('No active account found with the given credentials', 'no_active_account');
    }
    if (!user.is_active) throw new PermissionDenied('This account has been deactivated. Please contact the practice.', 'account_disabled');
    if (!user.is_verified) {
      throw new PermissionDenied('Please verify your email address first: enter the code we sent you, or ask for a new one.', 'email_not_verified');
    }
    await this.failedLogins.forget(emailIndex);
    const tokens = await this.core.db.write((transaction) => this.sessions.open(user, transaction));
    return { user, tokens };
  }
}
