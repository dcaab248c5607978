// A refresh token that was issued: one row per token, grouped in families (one per sign-in) for reuse detection.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface RefreshTokenAttributes {
  /** The token's `jti` claim. */
  jti: string;
  user_id: string;
  /** The jti of the family's first token; every rotation stays in the family. */
  family_id: string;
  /** The jti of the access token issued with this refresh token: logout (a revoked family) ends it too. */
  access_jti: string | null;
  expires_at: Date;
  /** Set when the token was exchanged for a new pair; presenting it again is reuse. */
  rotated_at: Date | null;
  /** Set on logout or when reuse was detected in the family. */
  revoked_at: Date | null;
  created_at: Date;
}

type RefreshTokenCreation = Optional<RefreshTokenAttributes, 'access_jti' | 'rotated_at' | 'revoked_at' | 'created_at'>;

export interface RefreshTokenInstance extends Model<RefreshTokenAttributes, RefreshTokenCreation>, RefreshTokenAttributes {}

export type RefreshTokenModel = ModelStatic<RefreshTokenInstance>;

export function defineRefreshToken(sequelize: Sequelize): RefreshTokenModel {
  return sequelize.define<RefreshTokenInstance>(
    'RefreshToken',
    {
      jti: { type: DataTypes.STRING(64), primaryKey: true },
      user_id: { type: DataTypes.UUID, allowNull: false },
      family_id: { type: DataTypes.STRING(64), allowNull: false },
      access_jti: { type: DataTypes.STRING(64), allowNull: true },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      rotated_at: { type: DataTypes.DATE, allowNull: true },
      revoked_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'refresh_tokens', timestamps: true, createdAt: 'created_at', updatedAt: false },
  );
}
