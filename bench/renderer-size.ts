// The renderer's initial JavaScript: every script and modulepreload that index.html loads, gzipped as a server would.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ScriptSize {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

/** Null when the renderer is not built (`npm run build`). */
export function initialScriptSize(rendererDir: string): ScriptSize | null {
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (match) => match[1] ?? match[2],
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const source of new Set(sources)) {
    const content = fs.readFileSync(path.join(rendererDir, source));
    rawBytes += content.length;
    gzipBytes += zlib.gzipSync(content).length;
  }
  return { files: new Set(sources).size, rawBytes, gzipBytes };
}
