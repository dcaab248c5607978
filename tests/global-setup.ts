// Once before the suites: the browser tests need the built app pages, so build them when missing or outdated
// (the same rule as `npm run serve`), instead of the browser tests skipping or testing an old build.
import { ensureRendererBuild } from '../scripts/renderer-build.js';

export default async function setup(): Promise<void> {
  await ensureRendererBuild(process.cwd(), (line) => process.stderr.write(`${line}\n`));
}
