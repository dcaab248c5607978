// Work whose outcome an answer must not reveal, not even by how long it took: started now, finished after the answer.
import type { Logger } from '../logger.js';

export function detach(logger: Logger, work: Promise<unknown>, what: string): void {
  // Only the error's kind is logged: its message could quote an address.
  work.catch((error: unknown) => logger.error({ err: { type: (error as Error | null)?.name } }, `${what} failed`));
}
