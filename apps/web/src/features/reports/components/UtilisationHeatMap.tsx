import { Box, Group, Text, useMantineTheme } from '@mantine/core';
import { HEAT_LEVELS, heatLevel, heatMapGrid, textOn } from '@web/features/reports/heatMap';
import { formatPercent, type AppointmentRow } from '@web/features/reports/reportNumbers';
import classes from '@web/features/reports/pages/ReportsPage.module.css';

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Utilisation by weekday and hour as a week's grid, shaded by the share of working time booked and with the percent
 * written in each cell. A CSS grid rather than a chart: @mantine/charts' Heatmap is a calendar of days, and a grid of
 * text stays sharp in print. Drawn for the eye only (inside ReportFigure): the table beneath has every number.
 */
export function UtilisationHeatMap({ rows }: { rows: readonly AppointmentRow[] }) {
  const theme = useMantineTheme();
  const grid = heatMapGrid(rows);
  const dark = theme.colors.slate[9];
  const shade = (level: number) => theme.colors.clinic[HEAT_LEVELS[level].shade];
  if (grid.hours.length === 0) {
    return (
      <Text size="sm" c="slate.7">
        Nobody worked and nothing was booked in this range.
      </Text>
    );
  }
  return (
    <div data-testid="utilisation-heat-map">
      <div className={classes.heatMap} style={{ gridTemplateColumns: `5.5rem repeat(${grid.hours.length}, minmax(2.6rem, 1fr))` }}>
        <span />
        {grid.hours.map((h) => (
          <span key={h} className={classes.heatHour}>
            {hourLabel(h)}
          </span>
        ))}
        {grid.weekdays.map((day) => (
          <div key={day.weekday} style={{ display: 'contents' }}>
            <span className={classes.heatDay}>{day.name}</span>
            {day.cells.map((cell, i) => {
              if (!cell) return <span key={grid.hours[i]} className={classes.heatEmpty} />;
              const level = heatLevel(cell.utilisationPercent);
              const background = level === null ? theme.colors.slate[1] : shade(level);
              return (
                <span
                  key={grid.hours[i]}
                  className={classes.heatCell}
                  style={{ background, color: level === null ? dark : textOn(background, dark) }}
                  title={`${cell.label}: ${formatPercent(cell.utilisationPercent)}`}
                >
                  {level === null ? '—' : `${Math.round(cell.utilisationPercent ?? 0)} %`}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      <Group gap="sm" mt="xs" wrap="wrap">
        {HEAT_LEVELS.map((l, level) => (
          <Group key={l.label} gap={4} wrap="nowrap">
            <Box w={14} h={14} style={{ background: shade(level), borderRadius: 3, border: `1px solid ${theme.colors.slate[3]}` }} />
            <Text size="xs" c="slate.7">
              {l.label}
            </Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <Box w={14} h={14} style={{ background: theme.colors.slate[1], borderRadius: 3, border: `1px solid ${theme.colors.slate[3]}` }} />
          <Text size="xs" c="slate.7">
            — booked, nobody working
          </Text>
        </Group>
      </Group>
    </div>
  );
}
