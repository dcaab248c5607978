// The lint rules that keep the README's layers true: each case lints one import as if it stood in that file.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = [used];\n`, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ['src-server/crypto/probe.ts', "import { loadConfig as used } from '../config.js';", /crypto may not import config/],
    [
      'src-server/mail/probe.ts',
      "import { PracticeSettings as used } from '../settings/practice-settings.js';",
      /mail may not import feature/,
    ],
    ['src-server/db/probe.ts', "import { Outbox as used } from '../mail/outbox.js';", /db may not import mail/],
    [
      'src-server/meetings/probe.ts',
      "import { settingsEndpoints as used } from '../settings/routes.js';",
      /feature may not import feature-routes/,
    ],
    ['src-server/meetings/probe.ts', "import { allEndpoints as used } from '../endpoints.js';", /feature may not import composition/],
    ['src-renderer/src/probe.ts', "import { loadConfig as used } from '../../src-server/config';", /renderer may not import config/],
  ])('refuse an import up a layer or into another feature’s routes: %s', async (filePath, source, message) => {
    expect((await problemsOf(filePath, source)).join('\n')).toMatch(message);
  });

  it('keep Electron out of the server and the pages', async () => {
    expect((await problemsOf('src-server/http/probe.ts', "import { app as used } from 'electron';")).join('\n')).toMatch(
      /only src-main\/ may import it/,
    );
    expect((await problemsOf('src-renderer/src/probe.ts', "import { ipcRenderer as used } from 'electron';")).join('\n')).toMatch(
      /only src-main\/ may import it/,
    );
  });

  it.each([
    ['src-server/db/probe.ts', "import { ConfigError as used } from '../config.js';"],
    ['src-server/setup/probe.ts', "import { presentUser as used } from '../auth/user-presenter.js';"],
    ['src-server/meetings/probe.ts', "import { Outbox as used } from '../mail/outbox.js';"],
    ['src-renderer/src/probe.ts', "import type { User as used } from '@shared/api-types';"],
    ['src-main/probe.ts', "import { startPracticeServer as used } from '../src-server/server.js';"],
  ])('allow what looks down: %s', async (filePath, source) => {
    expect(await problemsOf(filePath, source)).toEqual([]);
  });
});
