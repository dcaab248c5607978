// `npm run create-admin -- --email E --password P [--first-name F --last-name L]`: the first staff account, without prompts.
import { parseArgs } from 'node:util';
import { createOrPromoteStaff } from '../src-server/auth/staff-account.js';
import { ConfigError, loadConfig } from '../src-server/config.js';
import { ValidationError } from '../src-server/http/errors.js';
import { createLogger } from '../src-server/logger.js';
import { openCore } from '../src-server/open-core.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
    },
  });
  if (!values.email || !values.password) {
    console.error(
      'Usage: npm run create-admin -- --email you@practice.example --password "a long passphrase" [--first-name F --last-name L]',
    );
    return 2;
  }
  const config = loadConfig();
  const core = await openCore(config, { logger: createLogger('warn') });
  try {
    const { user, outcome } = await createOrPromoteStaff(core, {
      email: values.email,
      password: values.password,
      first_name: values['first-name'],
      last_name: values['last-name'],
    });
    console.log(
      outcome === 'created'
        ? `Created the staff account ${user.email} in ${config.dataDir}. Sign in with it in the app.`
        : `${user.email} already had an account: it is now an active staff account with the new password.`,
    );
    return 0;
  } finally {
    await core.db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ValidationError) {
      for (const [field, messages] of Object.entries(error.fields)) console.error(`${field}: ${messages.join(' ')}`);
    } else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else console.error(`create-admin failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
