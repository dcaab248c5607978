// Before `npm run serve`: build the app (renderer pages served at `/`) once, when a fresh clone has no build yet.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('out/renderer/index.html')) {
  console.log('No build of the app pages yet: building them once (npm run build)…');
  execSync('npx electron-vite build', { stdio: 'inherit' });
}
