import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-server/config.js';
import { createLogger } from '../../../src-server/logger.js';
import { openCore } from '../../../src-server/open-core.js';
import { findUserByEmail } from '../../../src-server/auth/user-lookup.js';
import { tempDataDir } from '../../helpers/test-server.js';

const dataDir = tempDataDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function createAdmin(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/create-admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PASSWORD_HASH_COST: '1024', ENCRYPTION_KEY: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run create-admin', () => {
  it('refuses a weak password with the rules it broke, and creates nothing', () => {
    const run = createAdmin('--email', 'therapist@practice.example', '--password', 'password1', '--first-name', 'Dana');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('This password is too common.');
    const similar = createAdmin('--email', 'therapist@practice.example', '--password', 'therapist@prac', '--first-name', 'Dana');
    expect(similar.stderr).toContain('The password is too similar to the email address.');
  });

  it('refuses a name with a direction override, and creates nothing', () => {
    const run = createAdmin(
      '--email',
      'therapist@practice.example',
      '--password',
      'Juniper-Atlas-2048',
      '--first-name',
      'Dana\u202Eeviled',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('direction overrides');
  });

  it('creates a verified staff account that can sign in', async () => {
    const run = createAdmin(
      '--email',
      ' Therapist@Practice.example ',
      '--password',
      'Juniper-Atlas-2048',
      '--first-name',
      'Dana',
      '--last-name',
      'Scully',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created the staff account therapist@practice.example');
    const core = await openCore(loadConfig({ DATA_DIR: dataDir }), { logger: createLogger('silent') });
    try {
      const user = await findUserByEmail(core, 'therapist@practice.example');
      expect(user).toMatchObject({ is_staff: true, is_verified: true, is_active: true, first_name: 'Dana', last_name: 'Scully' });
    } finally {
      await core.db.close();
    }
  });
});
