// Appointment statistics counted by the database (aggregate SQL, never by loading rows), plus a 12-week trend.
// The SQL is portable to SQLite and PostgreSQL: CASE sums, and instants quoted by Sequelize for its dialect.
import { DateTime } from 'luxon';
import { QueryTypes } from 'sequelize';
import type { ServerCore } from '../core.js';
import { completedIfEndedBefore } from './meeting-status.js';

export interface WeekTrend {
  /** Monday of the week, YYYY-MM-DD in the practice zone. */
  weekStart: string;
  /** Requests made that week. */
  requests: number;
  /** Sessions taking place that week. */
  scheduled: number;
  /** Requests turned down that week. */
  rejected: number;
  /** Sessions and requests cancelled that week (by when it was cancelled), late ones among them. */
  cancelled: number;
  lateCancelled: number;
  /** Sessions of that week the client attended or missed. */
  attended: number;
  noShow: number;
}

export interface AppointmentStats {
  totalRequests: number;
  pendingReview: number;
  /** Every appointment in status scheduled, completed ones included (never cancelled ones). */
  scheduled: number;
  rejected: number;
  cancelled: number;
  /** Cancelled by the client inside the notice window. */
  lateCancelled: number;
  noShow: number;
  attended: number;
  /** Scheduled sessions whose join window has closed. */
  completed: number;
  /** round(100 × scheduled / total, 2); 0 without requests. */
  completionRate: number;
  trend: WeekTrend[];
}

const TREND_WEEKS = 12;

/** The columns a trend may bucket by (interpolated into SQL, so a closed list). */
type DatedColumn = 'created_at' | 'scheduled_datetime' | 'decided_at' | 'cancelled_at';

interface Totals {
  total: number | string;
  pending: number | string | null;
  scheduled: number | string | null;
  rejected: number | string | null;
  completed: number | string | null;
  cancelled: number | string | null;
  late_cancelled: number | string | null;
  no_show: number | string | null;
  attended: number | string | null;
}

/** Which rows a weekly count takes (interpolated into SQL, so a closed list). */
const TREND_FILTERS = {
  all: '1 = 1',
  scheduled: "status = 'scheduled'",
  rejected: "status = 'rejected'",
  cancelled: "status = 'cancelled'",
  late_cancelled: "status = 'cancelled' AND late_cancellation = :yes",
  attended: "status = 'scheduled' AND attendance = 'attended'",
  no_show: "status = 'scheduled' AND attendance = 'no_show'",
} as const;

export class AppointmentStatistics {
  constructor(private readonly core: ServerCore) {}

  /** @param ownerId the caller's own appointments only; null for the whole practice. */
  async compute(ownerId: string | null): Promise<AppointmentStats> {
    const now = this.core.clock.now();
    const [totals] = await this.core.db.sequelize.query<Totals>(
      `SELECT COUNT(*) AS total,
              SUM(CASE WHEN status = 'pending_review' THEN 1 ELSE 0 END) AS pending,
              SUM(CASE WHEN status = 'scheduled' THEN 1 ELSE 0 END) AS scheduled,
              SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected,
              SUM(CASE WHEN status = 'scheduled' AND scheduled_end < :completedBefore THEN 1 ELSE 0 END) AS completed,
              SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
              SUM(CASE WHEN status = 'cancelled' AND late_cancellation = :yes THEN 1 ELSE 0 END) AS late_cancelled,
              SUM(CASE WHEN status = 'scheduled' AND attendance = 'no_show' THEN 1 ELSE 0 END) AS no_show,
              SUM(CASE WHEN status = 'scheduled' AND attendance = 'attended' THEN 1 ELSE 0 END) AS attended
         FROM appointments ${ownerId ? 'WHERE user_id = :ownerId' : ''}`,
      { type: QueryTypes.SELECT, replacements: { completedBefore: completedIfEndedBefore(now), ownerId, yes: true } },
    );
    const total = Number(totals.total);
    const scheduled = Number(totals.scheduled ?? 0);
    return {
      totalRequests: total,
      pendingReview: Number(totals.pending ?? 0),
      scheduled,
      rejected: Number(totals.rejected ?? 0),
      completed: Number(totals.completed ?? 0),
      cancelled: Number(totals.cancelled ?? 0),
      lateCancelled: Number(totals.late_cancelled ?? 0),
      noShow: Number(totals.no_show ?? 0),
      attended: Number(totals.attended ?? 0),
      completionRate: total === 0 ? 0 : Math.round((10_000 * scheduled) / total) / 100,
      trend: await this.trend(ownerId, now),
    };
  }

  /** The last 12 weeks (Monday to Monday in the practice zone, the current one included). */
  private async trend(ownerId: string | null, now: Date): Promise<WeekTrend[]> {
    const zone = await this.core.settings.timeZone();
    const thisWeek = DateTime.fromJSDate(now, { zone }).startOf('week');
    const starts = Array.from({ length: TREND_WEEKS + 1 }, (_, index) => thisWeek.minus({ weeks: TREND_WEEKS - 1 - index }));
    const bounds = starts.map((start) => start.toJSDate());
    const [requests, scheduled, rejected, cancelled, lateCancelled, attended, noShow] = await Promise.all([
      this.weeklyCounts('created_at', 'all', bounds, ownerId),
      this.weeklyCounts('scheduled_datetime', 'scheduled', bounds, ownerId),
      this.weeklyCounts('decided_at', 'rejected', bounds, ownerId),
      this.weeklyCounts('cancelled_at', 'cancelled', bounds, ownerId),
      this.weeklyCounts('cancelled_at', 'late_cancelled', bounds, ownerId),
      this.weeklyCounts('scheduled_datetime', 'attended', bounds, ownerId),
      this.weeklyCounts('scheduled_datetime', 'no_show', bounds, ownerId),
    ]);
    return starts.slice(0, TREND_WEEKS).map((start, week) => ({
      weekStart: start.toISODate()!,
      requests: requests.get(week) ?? 0,
      scheduled: scheduled.get(week) ?? 0,
      rejected: rejected.get(week) ?? 0,
      cancelled: cancelled.get(week) ?? 0,
      lateCancelled: lateCancelled.get(week) ?? 0,
      attended: attended.get(week) ?? 0,
      noShow: noShow.get(week) ?? 0,
    }));
  }

  /** Rows per week, bucketed by comparing `column` with the week bounds (DST-proof: the bounds are instants). */
  private async weeklyCounts(
    column: DatedColumn,
    filter: keyof typeof TREND_FILTERS,
    bounds: Date[],
    ownerId: string | null,
  ): Promise<Map<number, number>> {
    const replacements: Record<string, unknown> = { ownerId, yes: true };
    bounds.forEach((bound, index) => (replacements[`bound${index}`] = bound));
    const buckets = bounds
      .slice(1, -1)
      .map((_, index) => `WHEN ${column} < :bound${index + 1} THEN ${index}`)
      .join(' ');
    const rows = await this.core.db.sequelize.query<{ week: number | string; count: number | string }>(
      `SELECT CASE ${buckets} ELSE ${bounds.length - 2} END AS week, COUNT(*) AS count
         FROM appointments
        WHERE ${column} >= :bound0 AND ${column} < :bound${bounds.length - 1}
              AND ${TREND_FILTERS[filter]} ${ownerId ? 'AND user_id = :ownerId' : ''}
        GROUP BY week`,
      { type: QueryTypes.SELECT, replacements },
    );
    return new Map(rows.map((row) => [Number(row.week), Number(row.count)]));
  }
}
