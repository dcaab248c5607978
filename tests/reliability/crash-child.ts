// A practice server in its own process for the crash test: configured by the environment, prints its URL and a staff token.
import { createOrPromoteStaff } from '../../src-server/auth/staff-account.js';
import { loadConfig } from '../../src-server/config.js';
import { createLogger } from '../../src-server/logger.js';
import { startPracticeServer } from '../../src-server/server.js';

const server = await startPracticeServer({
  config: loadConfig(),
  logger: createLogger('silent'),
  delivery: { pollMs: 100, baseBackoffMs: 100, maxBackoffMs: 500 },
});
const { user } = await createOrPromoteStaff(server.core, { email: 'crash-staff@example.com', password: 'Correct-Horse-battery-42' });
const token = await server.core.tokens.issueAccess(user.id, user.token_version);
process.stdout.write(`${JSON.stringify({ url: server.url, token })}\n`);
