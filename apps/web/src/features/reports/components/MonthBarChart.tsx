import '@mantine/charts/styles.css';
import { BarChart, type BarChartSeries } from '@mantine/charts';

interface MonthBarChartProps {
  data: Record<string, string | number | null>[];
  series: BarChartSeries[];
  stacked?: boolean;
  /** The value's unit after the number ("%"), on the axis and in the tooltip. */
  unit?: string;
  /** The value axis from 0 to at least this (utilisation: 100 %). */
  atLeast?: number;
}

/** Columns per calendar month, oldest on the left (the rows' `label`, "Jan 2026"), stacked when the parts add up. */
export function MonthBarChart({ data, series, stacked = false, unit, atLeast }: MonthBarChartProps) {
  return (
    <BarChart
      h="100%"
      data={data}
      dataKey="label"
      series={series}
      type={stacked ? 'stacked' : 'default'}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 32 }}
      gridAxis="y"
      valueFormatter={unit ? (value) => `${value} ${unit}` : undefined}
      yAxisProps={atLeast === undefined ? undefined : { domain: [0, (dataMax: number) => Math.max(atLeast, Math.ceil(dataMax))] }}
      xAxisProps={{ tick: { fontSize: 12 }, interval: data.length > 7 ? 1 : 0 }}
      maxBarWidth={36}
      barChartProps={{ accessibilityLayer: false }}
      tooltipAnimationDuration={0}
    />
  );
}
