// Is the built app (out/renderer) missing or older than its sources? And build it: one rule for `npm run serve` and the tests.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The file the server sends for `/`; written by every build of the renderer. */
export const RENDERER_INDEX = 'out/renderer/index.html';

/** What the renderer's bundle is made from: its sources, the build configuration, and the locked dependency versions. */
const RENDERER_SOURCES = ['src-renderer', 'electron.vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

/** The headless server's bundle (`npm run serve` runs it), written by the same build. */
export const SERVER_BUNDLE = 'out/main/serve.js';

/** What the server's bundle is made from. */
const SERVER_SOURCES = ['src-server', 'src-shared', 'electron.vite.config.ts', 'tsconfig.json', 'package-lock.json'];

function newestChange(target: string): { file: string; mtimeMs: number } | null {
  if (!fs.existsSync(target)) return null;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return { file: target, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of fs.readdirSync(target)) {
    const candidate = newestChange(path.join(target, entry));
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

function outdated(root: string, built: string, sources: string[]): string | null {
  const file = path.join(root, built);
  if (!fs.existsSync(file)) return `${built} does not exist yet`;
  const builtAt = fs.statSync(file).mtimeMs;
  for (const source of sources) {
    const newest = newestChange(path.join(root, source));
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(root, newest.file)} changed after the last build`;
  }
  return null;
}

/**
 * Why the build must be redone (relative to `root`), or null when out/renderer is newer than everything it is made
 * from; with `withServer`, also when the server's bundle is older than the server's sources.
 */
export function rendererBuildOutdated(root = process.cwd(), withServer = false): string | null {
  return outdated(root, RENDERER_INDEX, RENDERER_SOURCES) ?? (withServer ? outdated(root, SERVER_BUNDLE, SERVER_SOURCES) : null);
}

/**
 * Builds the app (electron-vite: main with the headless server, preload and renderer) when it is missing or outdated
 * (the renderer; with `withServer` the server's bundle too: tests run the server from source and skip that check). A lock directory
 * keeps two processes (two test runs, a test run and `npm run serve`) from building into out/ at once: the
 * second waits, then finds the build fresh.
 */
export async function ensureRendererBuild(
  root = process.cwd(),
  log: (line: string) => void = console.log,
  withServer = false,
): Promise<void> {
  const lock = path.join(root, 'out', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const waitUntil = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a build that was killed is older than any build takes.
      if (Date.now() - fs.statSync(lock).mtimeMs > 5 * 60_000 || Date.now() > waitUntil) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    const reason = rendererBuildOutdated(root, withServer);
    if (!reason) return;
    log(`Building the app (${reason})…`);
    execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
