// The practice in figures, and the last 12 weeks as a chart (the chart library loads only here).
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import { StatFigures } from '../../components/StatFigures';
import { Loading, QueryView } from '../../components/States';

const TrendChart = lazy(() => import('./TrendChart'));

export function StatsPage() {
  const stats = useQuery({ queryKey: appointmentKeys.stats(), queryFn: meetingsApi.stats });
  return (
    <section aria-labelledby="stats-title" className="stack">
      <h1 id="stats-title">Stats</h1>
      <QueryView query={stats}>
        {(data) => (
          <>
            <StatFigures stats={data} label="Practice figures" />
            <div className="card">
              <h2>Last 12 weeks</h2>
              <Suspense fallback={<Loading label="Loading the chart…" />}>
                <TrendChart trend={data.trend ?? []} />
              </Suspense>
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
}
