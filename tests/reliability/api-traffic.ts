// Steady background API traffic for reliability tests: proves that requests keep succeeding while something breaks.

export interface Traffic {
  /** Stops sending and returns the status of every request that was answered. */
  stop(): Promise<number[]>;
}

/** Runs `request` over and over on `lanes` parallel lanes until stopped; a network error counts as status 0. */
export function startTraffic(request: (n: number) => Promise<number>, lanes = 2): Traffic {
  const statuses: number[] = [];
  let running = true;
  let sent = 0;
  const lane = async () => {
    while (running) {
      statuses.push(await request(sent++).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const all = Promise.all(Array.from({ length: lanes }, lane));
  return {
    stop: async () => {
      running = false;
      await all;
      return statuses;
    },
  };
}
