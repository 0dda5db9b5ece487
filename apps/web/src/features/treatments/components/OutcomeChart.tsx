import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { dayNumber, linear, scoreDomain, scoreTicks, timeDomain } from '@web/features/treatments/outcomeChartScale';

interface OutcomeChartProps {
  title: string;
  points: { date: string; score: number }[];
  sessionDates: string[];
  min: number;
  max: number;
}

const W = 640;
const H = 230;
const M = { top: 14, right: 16, bottom: 34, left: 44 };

/** Score on one scale over time (line and dots), with the patient's session dates as dashed vertical marks. */
export function OutcomeChart({ title, points, sessionDates, min, max }: OutcomeChartProps) {
  const x = linear(timeDomain([...points.map((p) => p.date), ...sessionDates]), [M.left, W - M.right]);
  const [lo, hi] = scoreDomain(points.map((p) => p.score), min, max);
  const y = linear([lo, hi], [H - M.bottom, M.top]);
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const line = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(dayNumber(p.date)).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ');
  // Date labels that would overlap the previous one are left out (the dots keep their tooltips).
  const xTicks = [...new Set(sorted.map((p) => p.date))].filter((d, i, all) => i === 0 || x(dayNumber(d)) - x(dayNumber(all[i - 1])) > 80);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} style={{ width: '100%', height: 'auto', display: 'block' }}>
      {scoreTicks(lo, hi).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-slate-2)" />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-slate-6)">
            {t}
          </text>
        </g>
      ))}
      {sessionDates.map((d) => (
        <g key={d}>
          <line x1={x(dayNumber(d))} x2={x(dayNumber(d))} y1={M.top} y2={H - M.bottom} stroke="var(--mantine-color-indigo-4)" strokeDasharray="4 3" />
          <text x={x(dayNumber(d)) + 4} y={M.top + 8} fontSize={10} fill="var(--mantine-color-indigo-6)">
            session
          </text>
          <title>{`Session ${formatCalendarDate(d)}`}</title>
        </g>
      ))}
      <path d={line} fill="none" stroke="var(--mantine-color-clinic-7)" strokeWidth={2.5} />
      {sorted.map((p) => (
        <circle key={`${p.date}-${p.score}`} cx={x(dayNumber(p.date))} cy={y(p.score)} r={5} fill="var(--mantine-color-white)" stroke="var(--mantine-color-clinic-7)" strokeWidth={2.5}>
          <title>{`${formatCalendarDate(p.date)}: ${p.score}`}</title>
        </circle>
      ))}
      {xTicks.map((d) => (
        <text key={d} x={x(dayNumber(d))} y={H - M.bottom + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-slate-7)">
          {formatCalendarDate(d)}
        </text>
      ))}
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="var(--mantine-color-slate-4)" />
    </svg>
  );
}
