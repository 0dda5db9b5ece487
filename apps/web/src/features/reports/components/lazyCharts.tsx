import { Skeleton } from '@mantine/core';
import { lazyNamed } from '@web/lib/lazy/lazyNamed';

/**
 * The charts load after the page (recharts, through @mantine/charts, is most of their weight): the filters, the
 * figures and the tables are on screen first, each chart's box keeps its height meanwhile.
 */
const drawing = <Skeleton h="100%" radius="sm" />;
export const DepthBandChart = lazyNamed(() => import('./DepthBandChart'), 'DepthBandChart', drawing);
export const GroupBarChart = lazyNamed(() => import('./GroupBarChart'), 'GroupBarChart', drawing);
export const MonthBarChart = lazyNamed(() => import('./MonthBarChart'), 'MonthBarChart', drawing);
export const NoShowTrendChart = lazyNamed(() => import('./NoShowTrendChart'), 'NoShowTrendChart', drawing);

/** Starts fetching the charts' code as soon as the page is shown. */
export function preloadCharts(): void {
  void DepthBandChart.preload();
  void GroupBarChart.preload();
  void MonthBarChart.preload();
  void NoShowTrendChart.preload();
}

/** Room per group so that a lot number or a name never overlaps its neighbour. */
export const groupChartHeight = (rows: number) => Math.max(140, rows * 34 + 72);
