import '@mantine/charts/styles.css';
import { BarChart, type BarChartSeries } from '@mantine/charts';

interface GroupBarChartProps {
  data: Record<string, string | number | null>[];
  /** The key of the row's name (the groups run down the side, long names stay readable). */
  labelKey: string;
  series: BarChartSeries[];
  stacked?: boolean;
  /** The value's unit after the number ("%", "h"), on the axis and in the tooltip. */
  unit?: string;
  /** The value axis from 0 to at least this (utilisation: 100 %, so that a small share looks small). */
  atLeast?: number;
}

/** Horizontal bars per group (product, lot, practitioner, service, room, weekday), stacked when the parts add up. */
export function GroupBarChart({ data, labelKey, series, stacked = false, unit, atLeast }: GroupBarChartProps) {
  return (
    <BarChart
      h="100%"
      data={data}
      dataKey={labelKey}
      series={series}
      type={stacked ? 'stacked' : 'default'}
      orientation="vertical"
      withLegend
      legendProps={{ verticalAlign: 'top', height: 32 }}
      gridAxis="x"
      valueFormatter={unit ? (value) => `${value} ${unit}` : undefined}
      xAxisProps={atLeast === undefined ? undefined : { domain: [0, (dataMax: number) => Math.max(atLeast, Math.ceil(dataMax))] }}
      maxBarWidth={22}
      yAxisProps={{ width: 170, interval: 0, tick: { fontSize: 12 } }}
      // The figure's wrapper is hidden from assistive technology (the table has the numbers): no focusable chart.
      barChartProps={{ accessibilityLayer: false }}
      tooltipAnimationDuration={0}
    />
  );
}
