// The weekly trend of requests, scheduled, attended, missed, cancelled and rejected sessions as grouped bars (a small
// SVG), with a table for screen readers.
import type { CSSProperties } from 'react';
import type { WeekTrend } from '@shared/api-types';
import { formatDay } from '../../lib/practice-time';

const SERIES = [
  { key: 'requests', name: 'Requests', color: '#4f6bed' },
  { key: 'scheduled', name: 'Scheduled', color: '#2f9e6e' },
  { key: 'attended', name: 'Attended', color: '#17604a' },
  { key: 'no_show', name: 'No-show', color: '#8a4fb0' },
  { key: 'cancelled', name: 'Cancelled', color: '#b7791f' },
  { key: 'rejected', name: 'Rejected', color: '#d0584f' },
] as const;

/** The plot's own units: the SVG stretches to its box, and its bars and grid lines with it (text stays HTML, unstretched). */
const PLOT_HEIGHT = 100;
const TICKS = 4;

/** Whole-number ticks from 0 whose top is at least the largest value: counts are integers. */
function axisTop(largest: number): number {
  return Math.max(1, Math.ceil(largest / TICKS)) * TICKS;
}

export default function TrendChart({ trend }: { trend: WeekTrend[] }) {
  const rows = trend.map((week) => ({ ...week, label: formatDay(week.week_start, { day: 'numeric', month: 'short' }) }));
  const top = axisTop(Math.max(0, ...rows.flatMap((row) => SERIES.map((series) => row[series.key]))));
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => (top / TICKS) * i);
  const y = (value: number) => PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const groupWidth = 100 / Math.max(1, rows.length);
  const barWidth = (groupWidth * 0.8) / SERIES.length;
  return (
    <figure className="chart">
      {/* Drawn for the eye; the table below carries the same figures for screen readers. */}
      <div className="trend" aria-hidden="true" style={{ '--weeks': Math.max(1, rows.length) } as CSSProperties}>
        <div className="trend-axis">
          {ticks.map((tick) => (
            <span key={tick} style={{ top: `${(y(tick) / PLOT_HEIGHT) * 100}%` }}>
              {tick}
            </span>
          ))}
        </div>
        <div className="trend-plot">
          <svg className="trend-bars" viewBox={`0 0 100 ${PLOT_HEIGHT}`} preserveAspectRatio="none">
            {ticks.map((tick) => (
              <line key={tick} className="trend-grid" x1={0} x2={100} y1={y(tick)} y2={y(tick)} vectorEffect="non-scaling-stroke" />
            ))}
            {rows.map((row, week) =>
              SERIES.map((series, index) => (
                <rect
                  key={`${row.week_start}-${series.key}`}
                  x={week * groupWidth + groupWidth * 0.1 + index * barWidth}
                  y={y(row[series.key])}
                  width={barWidth}
                  height={PLOT_HEIGHT - y(row[series.key])}
                  fill={series.color}
                >
                  <title>{`${row.label} · ${series.name}: ${row[series.key]}`}</title>
                </rect>
              )),
            )}
          </svg>
          <div className="trend-labels">
            {rows.map((row) => (
              <span key={row.week_start}>{row.label}</span>
            ))}
          </div>
        </div>
      </div>
      <ul className="trend-legend" aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key}>
            <span className="trend-swatch" style={{ background: series.color }} />
            {series.name}
          </li>
        ))}
      </ul>
      <figcaption className="visually-hidden">
        <table>
          <caption>Weekly requests, scheduled, attended, missed, cancelled and rejected sessions</caption>
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
