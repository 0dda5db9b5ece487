import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';

/**
 * The no-show trend: appointments booked per month as columns (left axis) and the no-show rate as a line (right
 * axis, percent). A month with no visit due has no rate: the line breaks there rather than dropping to 0.
 */
export function NoShowTrendChart({ data }: { data: { label: string; booked: number; noShowPercent: number | null }[] }) {
  return (
    <CompositeChart
      h="100%"
      data={data}
      dataKey="label"
      series={[
        { name: 'booked', label: 'Booked', type: 'bar', color: 'slate.3' },
        { name: 'noShowPercent', label: 'No-show rate, %', type: 'line', color: 'red.7', yAxisId: 'right' },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 32 }}
      withRightYAxis
      // Whole tens on the percent axis (0, 5, 10 … or 0, 10, 20 …), not 0, 6.25, 12.5.
      rightYAxisProps={{ domain: [0, (dataMax: number) => Math.max(20, Math.ceil(dataMax / 20) * 20)], tickCount: 5, tickFormatter: (value: number) => `${value} %` }}
      xAxisProps={{ tick: { fontSize: 12 }, interval: data.length > 7 ? 1 : 0 }}
      gridAxis="y"
      curveType="linear"
      connectNulls={false}
      maxBarWidth={36}
      composedChartProps={{ accessibilityLayer: false }}
      tooltipAnimationDuration={0}
    />
  );
}
