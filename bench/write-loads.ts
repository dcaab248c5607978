// The two write loads that bench/run.ts measures and bench/profile.ts profiles: staff scheduling pending requests, each
// on its own hour, and sign-ups, each one password hash.
import autocannon from 'autocannon';

/** A load's result, and its rate: the answers over the time from the first request to the last answer. */
export interface WriteLoad {
  result: autocannon.Result;
  perSecond: number;
}

/**
 * Runs a fixed amount of requests and times them itself: autocannon ends such a run on its one-second tick, so its
 * own duration (and its per-second average) reads 120 sign-ups in 4.6 s as 20 a second.
 */
async function timedPosts(options: autocannon.Options, setup: (request: autocannon.Request) => autocannon.Request): Promise<WriteLoad> {
  let first = 0;
  let last = 0;
  let answered = 0;
  const result = await autocannon({
    ...options,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          first ||= performance.now();
          return setup(request);
        },
        onResponse: () => {
          answered += 1;
          last = performance.now();
        },
      },
    ],
  });
  return { result, perSecond: answered / ((last - first) / 1000) };
}

/** Schedules each of `ids` (pending requests) through `connections` staff connections, at distinct, non-overlapping hours. */
export function scheduleLoad(base: string, staffAccess: string, ids: string[], connections: number): Promise<WriteLoad> {
  // From the day after tomorrow on, two hours apart: no request may meet a time conflict.
  const firstSlot = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
  let next = 0;
  return timedPosts(
    {
      url: base,
      connections,
      amount: ids.length,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staffAccess}` },
    },
    (request) => {
      const slot = next++;
      return {
        ...request,
        path: `/api/meetings/appointments/${ids[slot % ids.length]}/schedule/`,
        body: JSON.stringify({
          scheduled_datetime: new Date(firstSlot + slot * 2 * 3_600_000).toISOString(),
          scheduled_duration: 60,
          allow_blocked_date: true,
        }),
      };
    },
  );
}

/** `count` sign-ups through `connections` connections, each a new address (`prefix-N@bench.example`). */
export function signUpLoad(base: string, count: number, connections: number, prefix: string): Promise<WriteLoad> {
  let next = 0;
  return timedPosts(
    { url: new URL('/api/auth/register/', base).href, connections, amount: count, headers: { 'content-type': 'application/json' } },
    (request) => ({
      ...request,
      body: JSON.stringify({
        email: `${prefix}-${next++}@bench.example`,
        first_name: 'Bench',
        last_name: 'Signup',
        password: 'Benchmark-Juniper-2048',
        password2: 'Benchmark-Juniper-2048',
      }),
    }),
  );
}
