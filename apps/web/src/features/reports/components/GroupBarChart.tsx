import '@mantine/charts/styles.css';
import { BarChart, type BarChartSeries } from '@mantine/charts';

interface GroupBarChartProps {
  data: Record<string, string | number | null>[];
  /** The key of the row's name (the groups run down the side, long names stay readable). */
  labelKey: string;
  series: BarChartSeries[];
  stacked?: boolean;
  unit?: string;
}

/** Horizontal bars per group (product, lot, practitioner, service, room, weekday), stacked when the parts add up. */
export function GroupBarChart({ data, labelKey, series, stacked = false, unit }: GroupBarChartProps) {
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
      unit={unit}
      maxBarWidth={22}
      yAxisProps={{ width: 170, interval: 0, tick: { fontSize: 12 } }}
      // The figure's wrapper is hidden from assistive technology (the table has the numbers): no focusable chart.
      barChartProps={{ accessibilityLayer: false }}
      tooltipAnimationDuration={0}
    />
  );
}
