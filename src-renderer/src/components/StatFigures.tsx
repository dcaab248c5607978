// The stats endpoints' figures as a row of labelled numbers (the client's own and the whole practice's).
import type { AppointmentStats } from '@shared/api-types';

const FIGURES: { key: keyof Omit<AppointmentStats, 'trend'>; label: string; suffix?: string }[] = [
  { key: 'total_requests', label: 'Requests' },
  { key: 'pending_review', label: 'Pending review' },
  { key: 'scheduled', label: 'Scheduled' },
  { key: 'completed', label: 'Completed' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'completion_rate', label: 'Scheduled rate', suffix: '%' },
  { key: 'attended', label: 'Attended' },
  { key: 'no_show', label: 'No-shows' },
  { key: 'cancelled', label: 'Cancelled' },
  { key: 'late_cancelled', label: 'Late cancellations' },
];

export function StatFigures({ stats, label }: { stats: AppointmentStats; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {FIGURES.map(({ key, label: name, suffix }) => (
        <div key={key} className="figure">
          <dt>{name}</dt>
          <dd>
            {stats[key]}
            {suffix}
          </dd>
        </div>
      ))}
    </dl>
  );
}
