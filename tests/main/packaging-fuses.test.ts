// The packaged app's Electron fuses, read and schema-checked by electron-builder's own config loader (the Electron
// binary that `npm run package` flips them in cannot be downloaded everywhere the tests run).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
}

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

describe('the packaged desktop app', () => {
  it('cannot be run as Node, under NODE_OPTIONS or a debugger, nor load code from outside its checked app.asar', async () => {
    const config = await getConfig(process.cwd());
    // Throws on a key electron-builder does not know: a misspelt fuse would otherwise be silently ignored.
    await validateConfiguration(config, { isEnabled: false, add: () => undefined });
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    // onlyLoadAppFromAsar needs the app packed into an asar (electron-builder's default).
    expect(config.asar).not.toBe(false);
  });
});
