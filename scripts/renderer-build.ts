// Is the built app (out/renderer) missing or older than its sources? And build it: one rule for `npm run serve` and the tests.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The file the server sends for `/`; written by every build of the renderer. */
export const RENDERER_INDEX = 'out/renderer/index.html';

/** What the renderer's bundle is made from: its sources, the build configuration, and the locked dependency versions. */
const RENDERER_SOURCES = ['src-renderer', 'electron.vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

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

/** Why the build must be redone (relative to `root`), or null when out/renderer is newer than everything it is made from. */
export function rendererBuildOutdated(root = process.cwd()): string | null {
  const index = path.join(root, RENDERER_INDEX);
  if (!fs.existsSync(index)) return `${RENDERER_INDEX} does not exist yet`;
  const builtAt = fs.statSync(index).mtimeMs;
  for (const source of RENDERER_SOURCES) {
    const newest = newestChange(path.join(root, source));
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(root, newest.file)} changed after the last build`;
  }
  return null;
}

/**
 * Builds the app (electron-vite: main, preload and renderer) when it is missing or outdated. A lock directory
 * keeps two processes (two test runs, a test run and `npm run serve`) from building into out/ at once: the
 * second waits, then finds the build fresh.
 */
export async function ensureRendererBuild(root = process.cwd(), log: (line: string) => void = console.log): Promise<void> {
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
    const outdated = rendererBuildOutdated(root);
    if (!outdated) return;
    log(`Building the app pages (${outdated})…`);
    execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
