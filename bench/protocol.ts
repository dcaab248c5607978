// The messages between the benchmark orchestrator and the practice server's process.

export interface BenchAccount {
  id: string;
  access: string;
}

export interface PracticeReady {
  type: 'ready';
  url: string;
  /** 'sqlite' or 'postgres'. */
  dialect: string;
  /** A staff access token. */
  staff: string;
  /** The client whose page of 20 appointments is read. */
  reader: BenchAccount;
  /** The client whose pending requests staff schedule. */
  requester: BenchAccount;
  /** The owner of the 100,000 appointments behind the stats figure. */
  stats: BenchAccount;
}

export type ChildRequest =
  { type: 'memory' } | { type: 'seed'; userId: string; count: number } | { type: 'load-rows' } | { type: 'hash-time' };

export type ChildReply =
  | { type: 'memory'; rssBytes: number; heapUsedBytes: number; heapTotalBytes: number }
  | { type: 'seeded' }
  | { type: 'loaded'; ms: number }
  /** One password hash at the server's cost, alone (median of a few), and how many the server runs at once. */
  | { type: 'hash-time'; ms: number; parallel: number };
