// Sign-in sessions: token pairs whose refresh tokens rotate, with reuse detection, logout and revoke-everything.
import { decodeJwt } from 'jose';
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { AuthenticationFailed, ValidationError } from '../http/errors.js';
import { InvalidToken, newTokenId, type TokenClaims } from './tokens.js';

export interface TokenPair {
  access: string;
  refresh: string;
}

/** SimpleJWT's answer for a refresh token that cannot be used. */
function refreshNotValid(): AuthenticationFailed {
  return new AuthenticationFailed('Token is invalid or expired', 'token_not_valid');
}

/** Every access and refresh token of the user stops working at once (both carry the version they were issued with). */
export async function revokeEveryToken(user: UserInstance, transaction: Transaction): Promise<void> {
  await user.update({ token_version: user.token_version + 1 }, { transaction });
}

export class Sessions {
  constructor(private readonly core: ServerCore) {}

  /** Signs the user in (a new token family), inside the caller's transaction; records the sign-in time. */
  async open(user: UserInstance, transaction: Transaction): Promise<TokenPair> {
    const now = this.core.clock.now();
    await user.update({ last_login: now }, { transaction });
    // Expired rows of this user are of no more use, not even for reuse detection.
    await this.core.db.models.RefreshToken.destroy({ where: { user_id: user.id, expires_at: { [Op.lte]: now } }, transaction });
    const jti = newTokenId();
    return this.issuePair(user, jti, jti, transaction);
  }

  private async issuePair(user: UserInstance, familyId: string, jti: string, transaction: Transaction): Promise<TokenPair> {
    const { tokens, clock } = this.core;
    const access = await tokens.issueAccess(user.id, user.token_version);
    // The access token's id goes in the row, so ending the family (logout, reuse) ends the access token too.
    const accessJti = decodeJwt(access).jti;
    await this.core.db.models.RefreshToken.create(
      {
        jti,
        user_id: user.id,
        family_id: familyId,
        access_jti: accessJti,
        expires_at: new Date(clock.now().getTime() + tokens.refreshLifetimeSeconds() * 1000),
      },
      { transaction },
    );
    return { access, refresh: await tokens.issueRefresh(user.id, user.token_version, jti) };
  }

  private async claimsOf(refreshToken: string): Promise<TokenClaims | null> {
    try {
      return await this.core.tokens.verify(refreshToken, 'refresh');
    } catch (error) {
      if (error instanceof InvalidToken) return null;
      throw error;
    }
  }

  /**
   * Exchanges a refresh token for a new pair; the old one is dead afterwards. A rotated token presented again means
   * it was copied: its whole family is revoked, so the thief's and the owner's tokens both stop working.
   */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const claims = await this.claimsOf(refreshToken);
    if (!claims) throw refreshNotValid();
    const { RefreshToken, User } = this.core.db.models;
    // The transaction must commit a family revocation even though the answer is a 401, so it returns null instead of throwing.
    const pair = await this.core.db.write(async (transaction) => {
      const row = await RefreshToken.findByPk(claims.jti, { transaction });
      if (!row || row.user_id !== claims.user_id || row.revoked_at) return null;
      const now = this.core.clock.now();
      if (row.rotated_at) {
        await RefreshToken.update({ revoked_at: now }, { where: { family_id: row.family_id, revoked_at: null }, transaction });
        this.core.logger.warn({ user: row.user_id }, 'a rotated refresh token was presented again: its family is revoked');
        return null;
      }
      const user = await User.findByPk(row.user_id, { transaction });
      if (!user || !user.is_active || !user.is_verified || user.token_version !== claims.ver) return null;
      await row.update({ rotated_at: now }, { transaction });
      return this.issuePair(user, row.family_id, newTokenId(), transaction);
    });
    if (!pair) throw refreshNotValid();
    return pair;
  }

  /** Logout: the session of the given refresh token (which must be the caller's) ends, its access tokens with it. */
  async close(userId: string, refreshToken: string): Promise<void> {
    const claims = await this.claimsOf(refreshToken);
    const { RefreshToken } = this.core.db.models;
    const closed =
      claims !== null &&
      claims.user_id === userId &&
      (await this.core.db.write(async (transaction) => {
        const row = await RefreshToken.findByPk(claims.jti, { transaction });
        if (!row || row.user_id !== userId) return false;
        await RefreshToken.update(
          { revoked_at: this.core.clock.now() },
          { where: { family_id: row.family_id, revoked_at: null }, transaction },
        );
        return true;
      }));
    if (!closed) throw ValidationError.field('refresh', 'Token is invalid or expired');
  }
}
