// Reads `Authorization: Bearer <access>` into the caller, as SimpleJWT's JWTAuthentication does, plus instant revocation (user-wide and per sign-in).
import { QueryTypes } from 'sequelize';
import type { Database } from '../db/database.js';
import { quotedTable } from '../db/plain-rows.js';
import { writeVersion } from '../db/write-version.js';
import { AuthenticationFailed } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import { InvalidToken, type TokenClaims, type TokenSigner } from './tokens.js';

function tokenNotValid(reason: string): AuthenticationFailed {
  return new AuthenticationFailed('Given token not valid for any token type', 'token_not_valid', {
    messages: [{ token_class: 'AccessToken', token_type: 'access', message: reason }],
  });
}

interface CallerRow {
  id: string;
  is_staff: boolean | number;
  is_active: boolean | number;
  is_verified: boolean | number;
  token_version: number | string;
  revoked_at: Date | string | null;
}

/** The caller as the tables say; the token's expiry is added per request. */
type CheckedCaller = Omit<Principal, 'expiresAt'>;

/** More signed-in callers than this and the cache of checked callers starts over. */
const MAX_CHECKED = 10_000;

export function createAuthenticator(db: Database, tokens: TokenSigner) {
  /**
   * One indexed statement, straight from the tables (no model instances): the account's state, and the sign-in the
   * token belongs to. An access token issued with a refresh token dies with its family (logout, reuse detected).
   */
  const readCaller = async (claims: TokenClaims): Promise<CheckedCaller> => {
    const [user] = await db.sequelize.query<CallerRow>(
      `SELECT u.id, u.is_staff, u.is_active, u.is_verified, u.token_version, r.revoked_at
         FROM ${quotedTable(db.sequelize, db.models.User)} u
         LEFT JOIN ${quotedTable(db.sequelize, db.models.RefreshToken)} r ON r.access_jti = :jti
        WHERE u.id = :id`,
      { type: QueryTypes.SELECT, replacements: { id: claims.user_id, jti: claims.jti } },
    );
    if (!user) throw new AuthenticationFailed('User not found', 'user_not_found');
    // SQLite answers 0/1 for booleans, PostgreSQL true/false.
    if (!user.is_active) throw new AuthenticationFailed('User is inactive', 'user_inactive');
    if (!user.is_verified || claims.ver !== Number(user.token_version)) throw tokenNotValid('Token is revoked');
    if (user.revoked_at != null) throw tokenNotValid('Token is revoked');
    return { id: user.id, isStaff: Boolean(user.is_staff) };
  };

  // Callers found good, per token, at a write version (db/write-version.ts): any committed write (a deactivation,
  // a password change and a logout among them) starts the cache over, so a revocation takes effect on the very next
  // request. SQLite only: on PostgreSQL another server may write, so there every request reads the tables.
  const cacheable = db.dialect === 'sqlite';
  let checkedAt = -1;
  const checked = new Map<string, CheckedCaller>();
  const callerOf = async (claims: TokenClaims): Promise<CheckedCaller> => {
    if (!cacheable) return readCaller(claims);
    const version = writeVersion(db);
    if (version !== checkedAt || checked.size >= MAX_CHECKED) {
      checked.clear();
      checkedAt = version;
    }
    const key = `${claims.user_id} ${claims.jti} ${claims.ver}`;
    const known = checked.get(key);
    if (known) return known;
    const principal = await readCaller(claims);
    // Kept only when no write was committed meanwhile: then the rows read are still the rows.
    if (writeVersion(db) === version && checkedAt === version) checked.set(key, principal);
    return principal;
  };

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
    // The expiry is this token's own (the cache above is per sign-in and account, not per token).
    return { ...(await callerOf(claims)), expiresAt: claims.exp * 1000 };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
