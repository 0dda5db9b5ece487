import { Bar, CartesianGrid, Cell, ComposedChart, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import type { DepthBandBar } from '@web/features/reports/reportNumbers';

const IQR_FILL = 'var(--mantine-color-clinic-3)';
const TOO_FEW_FILL = 'var(--mantine-color-slate-2)';
const MEDIAN_STROKE = 'var(--mantine-color-clinic-9)';
const AXIS = 'var(--mantine-color-slate-7)';

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
}

/** A band's name, and "too few to compare" under it when the band has fewer than 5 patients. */
function bandTick(bars: readonly DepthBandBar[]) {
  return function BandTick({ x = 0, y = 0, payload }: TickProps) {
    const bar = bars.find((b) => b.band === payload?.value);
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={14} textAnchor="middle" fill={AXIS} fontSize={12}>
          {payload?.value}
        </text>
        <text dy={30} textAnchor="middle" fill={AXIS} fontSize={11} fontStyle={bar?.tooFewToCompare ? 'italic' : undefined}>
          {bar?.tooFewToCompare ? `too few to compare (${bar.patients})` : `${bar?.patients ?? 0} patients`}
        </text>
      </g>
    );
  };
}

interface MedianProps {
  cx?: number;
  cy?: number;
  payload?: { median?: number };
}

/** The median: a short thick line across the bar; nothing for a band without scores. */
function MedianMark({ cx, cy, payload }: MedianProps) {
  if (cx === undefined || cy === undefined || payload?.median === undefined || Number.isNaN(cy)) return <g />;
  return <line x1={cx - 22} x2={cx + 22} y1={cy} y2={cy} stroke={MEDIAN_STROKE} strokeWidth={3} />;
}

/**
 * Improvement from baseline per depth band: a floating bar from the 25th to the 75th percentile, the median across
 * it. Bands with too few patients are drawn in grey and say so under their name.
 */
export function DepthBandChart({ bars }: { bars: readonly DepthBandBar[] }) {
  const data = bars.map((b) => ({ ...b, iqr: b.iqr ?? undefined, median: b.median ?? undefined }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--mantine-color-slate-2)" />
        <XAxis dataKey="band" tick={bandTick(bars)} height={44} interval={0} stroke={AXIS} />
        <YAxis unit=" %" width={56} tick={{ fill: AXIS, fontSize: 12 }} stroke={AXIS} />
        <ReferenceLine y={0} stroke={AXIS} />
        <Bar dataKey="iqr" barSize={56} isAnimationActive={false}>
          {data.map((b) => (
            <Cell key={b.band} fill={b.tooFewToCompare ? TOO_FEW_FILL : IQR_FILL} />
          ))}
        </Bar>
        <Scatter dataKey="median" shape={MedianMark} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
