// JWT access tokens (SimpleJWT's claims) signed with a per-install key derived from the master key.
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { Clock } from '../clock.js';
import { deriveKey } from '../crypto/keys.js';

export interface AccessClaims {
  user_id: string;
  /** The user's token_version when the token was issued; a raise revokes it. */
  ver: number;
  jti: string;
}

export interface TokenSettings {
  accessTokenMinutes: number;
  refreshTokenDays: number;
}

export class InvalidToken extends Error {}

const ALGORITHM = 'HS256';

export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(
    masterKey: Buffer,
    private readonly clock: Clock,
    readonly settings: TokenSettings,
  ) {
    this.key = new Uint8Array(deriveKey(masterKey, 'token-signing'));
  }

  private seconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  async sign(type: 'access' | 'refresh', claims: Record<string, unknown>, lifetimeSeconds: number): Promise<string> {
    const now = this.seconds();
    return new SignJWT({ token_type: type, ...claims })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .setJti((claims.jti as string | undefined) ?? randomUUID().replace(/-/g, ''))
      .sign(this.key);
  }

  issueAccess(userId: string, tokenVersion: number): Promise<string> {
    return this.sign('access', { user_id: userId, ver: tokenVersion }, this.settings.accessTokenMinutes * 60);
  }

  /** Verifies signature (HS256 only: `alg: none` and other keys fail), expiry by the injected clock, and type. */
  async verify(token: string, type: 'access' | 'refresh'): Promise<Record<string, unknown> & { jti: string; user_id: string; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], currentDate: this.clock.now() });
      if (payload.token_type !== type || typeof payload.user_id !== 'string' || typeof payload.jti !== 'string') {
        throw new InvalidToken('Token has wrong type');
      }
      return payload as Record<string, unknown> & { jti: string; user_id: string; exp: number };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidToken('Token is expired');
      throw new InvalidToken('Token is invalid');
    }
  }
}
