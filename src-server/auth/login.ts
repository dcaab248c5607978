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

  /**
   * One 401 for an unknown address, a wrong password and an unverified account alike: whoever registers a probe
   * address with a password of their own must not learn from the answer whether the address had an account.
   */
  async login(email: string, password: string, clientIp: string): Promise<SignedIn> {
    const emailIndex = userEmailIndex(this.core, email);
    await this.failedLogins.assertNotLocked(emailIndex, clientIp);
    const user = await findUserByEmail(this.core, email);
    // An unknown address costs the same hash work as a known one, so the answer time does not tell them apart.
    const passwordMatches = user
      ? await verifyPassword(password, user.password_hash)
      : await verifyWithoutAccount(password, this.core.config.passwordHashCost);
    if (!user || !passwordMatches || !user.is_verified) {
      await this.failedLogins.record(emailIndex, clientIp);
      throw new AuthenticationFailed('No active account found with the given credentials', 'no_active_account');
    }
    if (!user.is_active) throw new PermissionDenied('This account has been deactivated. Please contact the practice.', 'account_disabled');
    await this.failedLogins.signedIn(emailIndex, clientIp);
    const tokens = await this.core.db.write((transaction) => this.sessions.open(user, transaction));
    return { user, tokens };
  }
}
