// The production process as `npm run serve` runs it (plain node on the build, out/main/serve.js): how soon it is
// ready on a warm data folder, and its memory after serving a client's own page 10,000 times.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ensureRendererBuild } from '../scripts/renderer-build.js';
import type { Figure } from './report.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUNDLE = path.join(ROOT, 'out/main/serve.js');
const EMAIL = 'therapist@bench.example';
const PASSWORD = 'Benchmark-Juniper-2048';

function startServe(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) resolve({ child, url: match[1], readyMs: performance.now() - started });
    });
    child.once('exit', (code) => reject(new Error(`out/main/serve.js exited (${code}) before it was ready`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

async function post(url: string, route: string, body: object, access?: string): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(route, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(access ? { authorization: `Bearer ${access}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Ready time and RSS of the built server; both marked not measured when the app is not built. */
export async function builtServerFigures(requests: number): Promise<Figure[]> {
  // The figures are of the current sources: build first when the bundle is missing or older (as `npm run serve` does).
  await ensureRendererBuild(ROOT, (line) => console.log(line), true).catch((error: unknown) =>
    console.error(`The build failed: ${(error as Error).message}`),
  );
  if (!fs.existsSync(BUNDLE)) {
    const note = 'not built: run npm run build';
    return [
      { name: '`npm run serve` ready (built server, warm)', value: NaN, unit: 'ms', goal: '≤ 2,000 ms', met: false, note },
      { name: `server RSS after ${requests.toLocaleString('en-US')} requests`, value: NaN, unit: 'MB', goal: '≤ 120 MB', met: false, note },
    ];
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-bench-serve-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_AUTH: '100000',
    MAX_PENDING_REQUESTS: '1000',
    DATABASE_URL: '',
  };
  try {
    // The first start creates the key and the database; the figure is a later start, as on a practice's computer.
    const created = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/create-admin.ts'), '--email', EMAIL, '--password', PASSWORD],
      { env, cwd: ROOT, encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`create-admin failed: ${created.stderr}`);
    const readyTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { child, readyMs } = await startServe(env);
      readyTimes.push(readyMs);
      await stop(child);
    }
    const { child, url } = await startServe(env);
    try {
      const { access } = (await post(url, '/api/auth/login/', { email: EMAIL, password: PASSWORD })) as { access: string };
      const [date] = (await (await fetch(new URL('/api/meetings/appointments/available-dates/', url))).json()) as string[];
      for (let n = 0; n < 20; n++) {
        await post(
          url,
          '/api/meetings/appointments/create/',
          {
            first_name: 'Bench',
            last_name: 'Client',
            email: EMAIL,
            reason: 'Benchmark',
            preferred_dates: [date],
            preferred_time_slots: ['morning'],
          },
          access,
        );
      }
      const result = await autocannon({
        url: new URL('/api/meetings/user/appointments/', url).href,
        headers: { authorization: `Bearer ${access}` },
        connections: 10,
        amount: requests,
      });
      const rss = rssMb(child.pid!);
      const ready = readyTimes.sort((a, b) => a - b)[1];
      return [
        {
          name: '`npm run serve` ready (built server, warm)',
          value: ready,
          unit: 'ms',
          goal: '≤ 2,000 ms',
          met: ready <= 2000,
          note: 'median of 3 starts of node out/main/serve.js',
        },
        {
          name: `server RSS after ${requests.toLocaleString('en-US')} requests`,
          value: rss,
          unit: 'MB',
          goal: '≤ 120 MB',
          met: rss <= 120 && result.non2xx === 0,
          note: `built server, own page, ${result.non2xx} non-2xx`,
        },
      ];
    } finally {
      await stop(child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
