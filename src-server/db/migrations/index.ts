// The ordered list of schema migrations. Listed by hand (not globbed) so the bundled desktop app carries them.
import type { QueryInterface } from 'sequelize';
import * as foundation from './0001-foundation.js';
import * as auth from './0002-auth.js';
import * as meetings from './0003-meetings.js';

export interface Migration {
  name: string;
  up(queryInterface: QueryInterface): Promise<void>;
  down(queryInterface: QueryInterface): Promise<void>;
}

export const MIGRATIONS: Migration[] = [{ name: '0001-foundation', ...foundation }, { name: '0002-auth', ...auth }, { name: '0003-meetings', ...meetings }];
