// JWT access and refresh tokens with SimpleJWT's claims, signed HS256 with a per-install key derived from the master key.
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { Clock } from '../clock.js';
import { deriveKey } from '../crypto/keys.js';

export type TokenType = 'access' | 'refresh';

export interface TokenClaims {
  token_type: TokenType;
  user_id: string;
  /** The user's token_version when the token was issued; raising it revokes every token of the user. */
  ver: number;
  jti: string;
  iat: number;
  exp: number;
}

export interface TokenSettings {
  accessTokenMinutes: number;
  refreshTokenDays: number;
}

export class InvalidToken extends Error {}

declare module '../core.js' {
  interface ServerCore {
    /** Signs and checks the API's tokens: auth's, carried by the core to the authenticator and to tests. */
    tokens: TokenSigner;
  }
}

const ALGORITHM = 'HS256';

/** A token id as SimpleJWT makes them: uuid4().hex. */
export function newTokenId(): string {
  return randomUUID().replace(/-/g, '');
}

export class TokenSigner {
  /** Imported once: jose would import raw key bytes into WebCrypto again on every sign and verify (hot: every request). */
  private readonly key: Promise<CryptoKey>;

  constructor(
    masterKey: Buffer,
    private readonly clock: Clock,
    readonly settings: TokenSettings,
  ) {
    this.key = crypto.subtle.importKey(
      'raw',
      new Uint8Array(deriveKey(masterKey, 'token-signing')),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  private async sign(type: TokenType, userId: string, tokenVersion: number, jti: string, lifetimeSeconds: number): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ token_type: type, user_id: userId, ver: tokenVersion })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .setJti(jti)
      .sign(await this.key);
  }

  issueAccess(userId: string, tokenVersion: number): Promise<string> {
    return this.sign('access', userId, tokenVersion, newTokenId(), this.settings.accessTokenMinutes * 60);
  }

  /** The caller stores `jti` (see sessions.ts): a refresh token is only good while its row says so. */
  issueRefresh(userId: string, tokenVersion: number, jti: string): Promise<string> {
    return this.sign('refresh', userId, tokenVersion, jti, this.refreshLifetimeSeconds());
  }

  refreshLifetimeSeconds(): number {
    return this.settings.refreshTokenDays * 24 * 60 * 60;
  }

  /**
   * Verifies signature (HS256 only: `alg: none` and other keys fail), expiry by the injected clock, type and claims.
   * `exp` and `iat` are required: a token without them would otherwise never expire.
   */
  async verify(token: string, type: TokenType): Promise<TokenClaims> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw new InvalidToken(error instanceof joseErrors.JWTExpired ? 'Token is expired' : 'Token is invalid');
    }
    if (payload.token_type !== type) throw new InvalidToken('Token has wrong type');
    if (typeof payload.user_id !== 'string' || typeof payload.jti !== 'string' || typeof payload.ver !== 'number') {
      throw new InvalidToken('Token is invalid');
    }
    return payload as unknown as TokenClaims;
  }
}
