// The weekly trend of requests, scheduled and rejected sessions as bars (recharts), with a table for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekTrend } from '../../api/types';
import { formatDay } from '../../lib/practice-time';

const SERIES = [
  { key: 'requests', name: 'Requests', color: '#4f6bed' },
  { key: 'scheduled', name: 'Scheduled', color: '#2f9e6e' },
  { key: 'rejected', name: 'Rejected', color: '#d0584f' },
] as const;

export default function TrendChart({ trend }: { trend: WeekTrend[] }) {
  const rows = trend.map((week) => ({ ...week, label: formatDay(week.week_start, { day: 'numeric', month: 'short' }) }));
  return (
    <figure className="chart">
      <div className="chart-canvas">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {/* Bars drawn at once: a growing animation is motion nobody asked for. */}
            {SERIES.map((series) => (
              <Bar key={series.key} dataKey={series.key} name={series.name} fill={series.color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">
        <table>
          <caption>Weekly requests, scheduled and rejected sessions</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col">
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.week_start}>
                <th scope="row">{row.label}</th>
                {SERIES.map((series) => (
                  <td key={series.key}>{row[series.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
