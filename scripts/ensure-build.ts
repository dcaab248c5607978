// Before `npm run serve`: build the app pages (served at `/`) when they are missing or older than their sources.
import { ensureRendererBuild } from './renderer-build.js';

await ensureRendererBuild();
