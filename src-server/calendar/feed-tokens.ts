// The staff's private calendar feed tokens: 256 random bits, found by their SHA-256; making a new one revokes the old.
import { createHash, randomBytes } from 'node:crypto';
import type * as Api from '../../src-shared/api-types.js';
import type { ServerCore } from '../core.js';
import type { CalendarFeedInstance } from '../db/models/calendar-feed.js';

export const FEED_PATH = '/api/meetings/calendar.ics';

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type FeedState = Api.CalendarFeedState;

export class CalendarFeeds {
  constructor(private readonly core: ServerCore) {}

  /** A new token for `userId` (replacing any old one, which stops working at once). */
  async make(userId: string, origin: string): Promise<FeedState> {
    const token = randomBytes(32).toString('base64url');
    const { CalendarFeed } = this.core.db.models;
    const row = await this.core.db.write(async (transaction) => {
      await CalendarFeed.destroy({ where: { user_id: userId }, transaction });
      return CalendarFeed.create({ user_id: userId, token_hash: hashOf(token), token, created_at: this.core.clock.now() }, { transaction });
    });
    return this.present(row, origin);
  }

  async revoke(userId: string): Promise<void> {
    await this.core.db.write((transaction) => this.core.db.models.CalendarFeed.destroy({ where: { user_id: userId }, transaction }));
  }

  /** Full names instead of initials in the feed's events: the practice setting feed_full_names, stored by the settings service. */
  async setFullNames(userId: string, fullNames: boolean, origin: string): Promise<FeedState> {
    await this.core.settings.update({ feed_full_names: String(fullNames) });
    return this.state(userId, origin);
  }

  async state(userId: string, origin: string): Promise<FeedState> {
    return this.present(await this.core.db.models.CalendarFeed.findByPk(userId), origin);
  }

  /** The feed a token opens, or null (unknown or revoked). */
  async byToken(token: string): Promise<CalendarFeedInstance | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.core.db.models.CalendarFeed.findOne({ attributes: ['user_id'], where: { token_hash: hashOf(token) } });
  }

  private async present(row: CalendarFeedInstance | null, origin: string): Promise<FeedState> {
    return {
      calendar_feed_url: row ? `${origin}${FEED_PATH}?token=${row.token}` : null,
      feed_full_names: await this.core.settings.flag('feed_full_names'),
    };
  }
}
