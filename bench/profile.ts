// `npx tsx bench/profile.ts [route] [seconds]`: loads one route of the benchmark's practice server under --cpu-prof and
// prints where its CPU time went during the load (self time per function, then per package), to pick what to speed up next.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startPracticeChild } from './children.js';
import { scheduleLoad, signUpLoad } from './write-loads.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const route = process.argv[2] ?? '/api/meetings/user/appointments/';
const seconds = Number(process.argv[3] ?? 5);
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-profile-'));

/** User and system CPU time of process `pid` so far (Linux /proc). */
function cpuMillis(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function where(url: string): string {
  const packageMatch = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith('node:') || url === '') return url || '(native/gc)';
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
}

/** Counts only the samples of the last `windowMicros` before `endMicros` (the load, not start-up or seeding). */
function summarise(profile: CpuProfile, windowStart: number, windowEnd: number): void {
  const selfMicros = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at >= profile.endTime - windowStart || at < profile.endTime - windowEnd) return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byPlace.set(where(url), (byPlace.get(where(url)) ?? 0) + micros);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(`\nSelf time by function:\n${top(byFunction, 35)}\n\nSelf time by package or file:\n${top(byPlace, 25)}`);
}

const practice = await startPracticeChild(['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
const { url, reader, staff } = practice.ready;
const date = ((await (await fetch(new URL('/api/meetings/appointments/available-dates/', url))).json()) as string[])[0];
const body = {
  first_name: 'Bench',
  last_name: 'Client',
  email: 'contact@bench.example',
  phone: '+49 30 1234567',
  reason: 'Benchmark request',
  preferred_dates: [date],
  preferred_time_slots: ['morning'],
};
async function createPending(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const created = await fetch(new URL('/api/meetings/appointments/create/', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reader.access}` },
      body: JSON.stringify(body),
    });
    ids.push(((await created.json()) as { id: string }).id);
  }
  return ids;
}

await createPending(20);
const access = route.startsWith('/api/meetings/appointments/?') || route.startsWith('/api/admin') ? staff : reader.access;
const load = { url: new URL(route, url).href, headers: { authorization: `Bearer ${access}` }, connections: 10 };
// `schedule` profiles the write path instead: staff scheduling the reader's pending requests, 50 at once (as npm run bench);
// `register`, sign-ups (one password hash each), 10 at once.
const scheduling = route === 'schedule';
const registering = route === 'register';
const pending = scheduling ? await createPending(seconds * 100) : [];
if (!scheduling && !registering) await autocannon({ ...load, duration: 1 });
const loadStarted = performance.now();
const cpuBefore = cpuMillis(practice.pid);
const result = scheduling
  ? (await scheduleLoad(url, staff, pending, 50)).result
  : registering
    ? (await signUpLoad(url, seconds * 10, 10, 'profile')).result
    : await autocannon({ ...load, duration: seconds });
const cpuPerRequest = (cpuMillis(practice.pid) - cpuBefore) / result.requests.total;
const loadEnded = performance.now();
// CPU time per request is what the server spends whatever else runs on the machine; req/s is not.
console.log(
  `${route}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, p99 ${result.latency.p99} ms, ${cpuPerRequest.toFixed(3)} ms of server CPU per request`,
);
await practice.stop();
const stopped = performance.now();
const [file] = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
summarise(
  JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile,
  (stopped - loadEnded) * 1000,
  (stopped - loadStarted) * 1000,
);
fs.rmSync(profileDir, { recursive: true, force: true });
