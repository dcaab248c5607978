// Group commit: writes queue here, and whenever the writer is free it takes the queued ones (up to MAX_GROUP) and runs
// them one after another inside ONE transaction, each in a savepoint of its own, then commits once. A commit is synced
// to disk (synchronous = FULL), so under load many writes share one sync instead of each waiting for its own.
// Every write keeps its guarantees: it runs alone on the write lock and sees the writes before it; a write that
// throws is rolled back to its savepoint and fails alone; a write is acknowledged (and its afterCommit hooks run)
// only once the group's commit is done, so nothing is reported done that a crash could still take back.
import type { Sequelize, Transaction } from 'sequelize';

/** Enough to share a sync among all of a busy practice's writers, few enough that the first of a group waits little. */
export const MAX_GROUP = 64;

type Work<T> = (transaction: Transaction) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Done {
  job: Job;
  result: unknown;
  afterCommit: (() => unknown)[];
}

export class GroupCommitWriter {
  private readonly queue: Job[] = [];
  private running: Promise<void> | null = null;

  /** `lock` takes the database-wide write lock inside each group's transaction (PostgreSQL's advisory lock). */
  constructor(
    private readonly sequelize: Sequelize,
    private readonly lock: (transaction: Transaction) => Promise<void>,
  ) {}

  write<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
      this.running ??= this.runQueued();
    });
  }

  /** Resolves once every write queued so far has finished. */
  async drain(): Promise<void> {
    await this.running;
  }

  private async runQueued(): Promise<void> {
    while (this.queue.length > 0) await this.runGroup(this.queue.splice(0, MAX_GROUP));
    this.running = null;
  }

  private async runGroup(group: Job[]): Promise<void> {
    const done: Done[] = [];
    const settled = new Set<Job>();
    try {
      await this.sequelize.transaction(async (outer) => {
        await this.lock(outer);
        for (const job of group) {
          const savepoint = await this.sequelize.transaction({ transaction: outer });
          // Sequelize runs a savepoint's afterCommit hooks when the savepoint ends; these wait for the real commit.
          const afterCommit: Done['afterCommit'] = [];
          savepoint.afterCommit = (hook) => void afterCommit.push(() => hook(savepoint));
          try {
            done.push({ job, result: await job.work(savepoint), afterCommit });
          } catch (error) {
            settled.add(job);
            job.reject(error);
            // If the database already dropped the whole transaction (SQLite does on some I/O errors), this throws
            // and the group fails: nothing of it was acknowledged, so nothing acknowledged is lost.
            await savepoint.rollback();
          }
        }
      });
    } catch (error) {
      for (const job of group) if (!settled.has(job)) job.reject(error);
      return;
    }
    for (const { job, result, afterCommit } of done) {
      for (const hook of afterCommit) await hook();
      job.resolve(result);
    }
  }
}
