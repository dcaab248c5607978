// `npm run bench [-- --quick]`: starts the practice server and a bare node:http baseline on loopback, measures them side by
// side with autocannon in one run, and prints each figure with its ratio and goal (and writes JSON when BENCH_JSON is set).
import path from 'node:path';
import autocannon from 'autocannon';
import { startBareChild, startPracticeChild, type PracticeChild } from './children.js';
import type { BenchAccount } from './protocol.js';
import { initialScriptSize } from './renderer-size.js';
import { machine, table, writeJson, type Figure } from './report.js';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 3 : 8;
const WARMUP_SECONDS = quick ? 1 : 2;
const CONNECTIONS = 10;
const SCHEDULES = quick ? 300 : 1_000;
const SCHEDULE_CONNECTIONS = 50;
const STATS_ROWS = 100_000;
const MEMORY_REQUESTS = 10_000;
const MB = 2 ** 20;

function authorization(access?: string): Record<string, string> {
  return access ? { authorization: `Bearer ${access}` } : {};
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.errors || result.non2xx) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

async function call(base: string, method: string, route: string, access?: string, body?: object): Promise<string> {
  const res = await fetch(new URL(route, base), { method, headers: { 'content-type': 'application/json', ...authorization(access) }, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

/** Pending requests of `client` through the real API, a few at a time; returns their ids. */
async function createRequests(base: string, client: BenchAccount, count: number): Promise<string[]> {
  const [date] = JSON.parse(await call(base, 'GET', '/api/meetings/appointments/available-dates/')) as string[];
  const body = { first_name: 'Bench', last_name: 'Client', email: 'contact@bench.example', phone: '+49 30 1234567', reason: 'Benchmark request', preferred_dates: [date], preferred_time_slots: ['morning'] };
  const ids: string[] = [];
  for (let first = 0; first < count; first += 10) {
    const batch = Array.from({ length: Math.min(10, count - first) }, () => call(base, 'POST', '/api/meetings/appointments/create/', client.access, body));
    for (const created of await Promise.all(batch)) ids.push((JSON.parse(created) as { id: string }).id);
  }
  return ids;
}

async function memoryAfterRequests(practice: PracticeChild, url: string, access: string): Promise<Figure> {
  const result = await autocannon({ url, headers: authorization(access), connections: CONNECTIONS, amount: MEMORY_REQUESTS });
  const reply = await practice.ask({ type: 'memory' });
  if (reply.type !== 'memory') throw new Error('the server did not report its memory');
  const rss = reply.rssBytes / MB;
  const note = `V8 heap ${Math.round(reply.heapUsedBytes / MB)} MB used of ${Math.round(reply.heapTotalBytes / MB)} MB`;
  return { name: `server RSS after ${MEMORY_REQUESTS.toLocaleString('en-US')} requests`, value: rss, unit: 'MB', goal: '≤ 150 MB', met: rss <= 150 && result.non2xx === 0, note };
}

async function scheduleFigures(base: string, practice: PracticeChild): Promise<Figure[]> {
  const ids = await createRequests(base, practice.ready.requester, SCHEDULES);
  // Distinct, non-overlapping hours from the day after tomorrow on: no request may meet a time conflict.
  const firstSlot = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: SCHEDULE_CONNECTIONS,
    amount: ids.length,
    headers: { 'content-type': 'application/json', ...authorization(practice.ready.staff) },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const slot = next++;
          return {
            ...request,
            path: `/api/meetings/appointments/${ids[slot % ids.length]}/schedule/`,
            body: JSON.stringify({ scheduled_datetime: new Date(firstSlot + slot * 2 * 3_600_000).toISOString(), scheduled_duration: 60 }),
          };
        },
      },
    ],
  });
  const failed = result.errors + result.non2xx + result.timeouts;
  const note = `${ids.length} requests, ${SCHEDULE_CONNECTIONS} concurrent staff, ${failed} errors`;
  return [
    { name: 'schedule throughput', value: result.requests.average, unit: 'req/s', goal: 'no errors', met: failed === 0, note },
    { name: 'schedule p99 latency', value: result.latency.p99, unit: 'ms', goal: 'no errors', met: failed === 0 },
  ];
}

async function statsFigure(base: string, practice: PracticeChild): Promise<Figure> {
  await practice.ask({ type: 'seed', userId: practice.ready.stats.id, count: STATS_ROWS });
  const statsTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    await call(base, 'GET', '/api/meetings/appointments/stats/', practice.ready.staff);
    statsTimes.push(performance.now() - started);
  }
  const loadTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const reply = await practice.ask({ type: 'load-rows' });
    if (reply.type === 'loaded') loadTimes.push(reply.ms);
  }
  const stats = median(statsTimes);
  const loading = median(loadTimes);
  return { name: `practice stats over ${STATS_ROWS.toLocaleString('en-US')} appointments`, value: stats, unit: 'ms', baseline: loading, ratio: stats / loading, goal: 'ratio ≤ 0.05', met: stats / loading <= 0.05, note: 'baseline: loading the rows' };
}

async function main(): Promise<void> {
  const started = Date.now();
  const [practice, bare] = await Promise.all([startPracticeChild(), startBareChild()]);
  try {
    const base = practice.ready.url;
    const { reader } = practice.ready;
    await createRequests(base, reader, 20);
    const compared = [
      { name: 'GET /api/meetings/user/appointments/ (20 encrypted)', route: '/api/meetings/user/appointments/', access: reader.access, goal: 0.25 },
      { name: 'GET /api/', route: '/api/', access: undefined, goal: 0.5 },
      { name: 'GET /api/meetings/appointments/available-dates/', route: '/api/meetings/appointments/available-dates/', access: undefined, goal: 0.5 },
    ];
    const bodies: Record<string, string> = {};
    for (const figure of compared) bodies[figure.route] = await call(base, 'GET', figure.route, figure.access);
    await bare.serve(bodies);

    const figures: Figure[] = [await memoryAfterRequests(practice, new URL(compared[0].route, base).href, reader.access)];
    for (const figure of compared) {
      // Interleaved and best of two, so that a burst of other work on the machine skews neither side alone.
      const practiceRates: number[] = [];
      const bareRates: number[] = [];
      for (let round = 0; round < 2; round++) {
        practiceRates.push(await requestsPerSecond(new URL(figure.route, base).href, authorization(figure.access)));
        bareRates.push(await requestsPerSecond(new URL(figure.route, bare.url).href, {}));
      }
      const practiceRate = Math.max(...practiceRates);
      const bareRate = Math.max(...bareRates);
      const ratio = practiceRate / bareRate;
      figures.push({ name: figure.name, value: practiceRate, unit: 'req/s', baseline: bareRate, ratio, goal: `ratio ≥ ${figure.goal}`, met: ratio >= figure.goal, note: `${Buffer.byteLength(bodies[figure.route])} B body` });
    }
    figures.push(...(await scheduleFigures(base, practice)));
    figures.push(await statsFigure(base, practice));
    const size = initialScriptSize(path.resolve(import.meta.dirname, '../out/renderer'));
    figures.push(
      size
        ? { name: 'renderer initial JS, gzipped', value: size.gzipBytes / 1024, unit: 'KiB', goal: 'reported', met: null, note: `${size.files} file(s), ${Math.round(size.rawBytes / 1024)} KiB raw` }
        : { name: 'renderer initial JS, gzipped', value: NaN, unit: 'KiB', goal: 'reported', met: null, note: 'not built: run npm run build' },
    );

    const host = machine();
    console.log(`\n${table(figures)}\n`);
    console.log(`${quick ? 'quick run' : 'full run'} in ${Math.round((Date.now() - started) / 1000)} s on ${host.cpu} (${host.cores} cores, ${host.memoryGb} GB), Node ${host.node}, ${host.platform}; ${CONNECTIONS} connections, best of 2 × ${SECONDS} s per side`);
    if (process.env.BENCH_JSON) writeJson(process.env.BENCH_JSON, figures, quick);
  } finally {
    await Promise.all([practice.stop(), bare.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(`The benchmark failed: ${(error as Error).message}`);
  process.exit(1);
});
