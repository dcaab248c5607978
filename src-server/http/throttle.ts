// Request throttles (fixed windows in memory: one server process owns the practice), answering 429 with Retry-After.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Throttled } from './errors.js';

export class Throttle {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  /** Counts one hit for `key`; throws Throttled once the window's budget is spent. */
  async hit(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new Throttled(rejection.msBeforeNext / 1000);
      throw rejection;
    }
  }

  /** Throws Throttled when `key` has no budget left, without counting a hit. */
  async check(key: string): Promise<void> {
    const state = await this.limiter.get(key);
    if (state && state.consumedPoints >= this.limiter.points) throw new Throttled(state.msBeforeNext / 1000);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
