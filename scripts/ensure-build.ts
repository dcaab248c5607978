// Before `npm run serve`: build the app (the server bundle it runs, and the pages served at `/`) when missing or older than their sources.
import { ensureRendererBuild } from './renderer-build.js';

await ensureRendererBuild(process.cwd(), console.log, true);
