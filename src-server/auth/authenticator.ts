// Reads `Authorization: Bearer <access>` into the caller, as SimpleJWT's JWTAuthentication does, plus instant revocation (user-wide and per sign-in).
import type { Database } from '../db/database.js';
import { AuthenticationFailed } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import { InvalidToken, type TokenSigner } from './tokens.js';

function tokenNotValid(reason: string): AuthenticationFailed {
  return new AuthenticationFailed('Given token not valid for any token type', 'token_not_valid', {
    messages: [{ token_class: 'AccessToken', token_type: 'access', message: reason }],
  });
}

export function createAuthenticator(db: Database, tokens: TokenSigner) {
  return async function authenticate(header: string | undefined): Promise<Principal | null> {
    if (!header) return null;
    const parts = header.trim().split(/\s+/);
    // Like SimpleJWT: another scheme is not ours to judge, a malformed Bearer header is an error.
    if (parts[0].toLowerCase() !== 'bearer') return null;
    if (parts.length !== 2) {
      throw new AuthenticationFailed('Authorization header must contain two space-delimited values', 'bad_authorization_header');
    }
    let claims;
    try {
      claims = await tokens.verify(parts[1], 'access');
    } catch (error) {
      throw tokenNotValid(error instanceof InvalidToken ? error.message : 'Token is invalid');
    }
    const user = await db.models.User.findByPk(claims.user_id, { attributes: ['id', 'is_staff', 'is_active', 'is_verified', 'token_version'] });
    if (!user) throw new AuthenticationFailed('User not found', 'user_not_found');
    if (!user.is_active) throw new AuthenticationFailed('User is inactive', 'user_inactive');
    if (!user.is_verified || claims.ver !== user.token_version) throw tokenNotValid('Token is revoked');
    // One indexed lookup: an access token issued with a refresh token dies with its family (logout, reuse detected).
    const session = await db.models.RefreshToken.findOne({ where: { access_jti: claims.jti }, attributes: ['revoked_at'] });
    if (session?.revoked_at) throw tokenNotValid('Token is revoked');
    return { id: user.id, isStaff: user.is_staff };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
