import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { classifyProcedure, findZone, ZONE_CODES, type ProcedureKind, type ZoneCode } from '@skinledger/domain';
import { useState } from 'react';
import { startingDepthMm, zoneEntries, type ChartDraft, type ZoneDraft } from '@web/features/treatments/chartDraft';
import { needsOverride, zoneState, type ZoneLimits, type ZoneState } from '@web/features/treatments/zoneStatus';
import { ChartedZonesList } from './ChartedZonesList';
import { FaceMap } from './FaceMap';
import { IndicationChips } from './IndicationChips';
import { ProcedureKindBadge } from './ProcedureKindBadge';
import { ZoneEditor } from './ZoneEditor';
import { ZoneLegend } from './ZoneLegend';

interface ZonesSectionProps {
  zones: ChartDraft['zones'];
  limits: ZoneLimits;
  onChange: (zones: ChartDraft['zones']) => void;
  /** The procedure the appointment's service books, shown until the first zone is charted. */
  planned?: ProcedureKind | null;
}

const labelOf = (zone: ZoneCode) => findZone(zone)?.label ?? zone;

/** The face and zone map with the editor of the tapped zone; the procedure kind follows the deepest zone live. */
export function ZonesSection({ zones, limits, onChange, planned = null }: ZonesSectionProps) {
  const [selected, setSelected] = useState<ZoneCode | null>(null);
  const states = Object.fromEntries(ZONE_CODES.map((z) => [z, zoneState(z, zones[z], limits)])) as Record<ZoneCode, ZoneState>;
  const entries = zoneEntries(zones);
  const maxDepthMm = entries.reduce((max, z) => Math.max(max, z.depthMm), 0);

  const select = (zone: ZoneCode) => {
    setSelected(zone);
    if (!zones[zone]) onChange({ ...zones, [zone]: { depthMm: startingDepthMm(zone), passes: 2, overrideReason: '' } });
  };
  const update = (zone: ZoneCode, draft: ZoneDraft) => onChange({ ...zones, [zone]: draft });
  const remove = (zone: ZoneCode) => {
    const next = { ...zones };
    delete next[zone];
    onChange(next);
    setSelected(null);
  };

  const editing = selected && zones[selected] ? selected : null;
  return (
    <Paper p="sm">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2}>Zones and depth</Title>
        {entries.length > 0 ? (
          <ProcedureKindBadge kind={classifyProcedure(entries)} maxDepthMm={maxDepthMm} />
        ) : planned ? (
          <ProcedureKindBadge kind={planned} note="as booked, no zone charted yet" />
        ) : (
          <Badge color="gray" variant="light" tt="none" size="md">
            No zone charted yet
          </Badge>
        )}
      </Group>
      <Group align="flex-start" gap="md" wrap="wrap">
        <div style={{ flex: '1 1 230px', minWidth: 230, maxWidth: 300 }}>
          <FaceMap zones={zones} states={states} selected={selected} labelOf={labelOf} onSelect={select} />
        </div>
        <Stack gap="xs" style={{ flex: '1 1 200px', minWidth: 200 }}>
          {editing ? (
            <ZoneEditor
              zone={editing}
              draft={zones[editing] as ZoneDraft}
              state={states[editing]}
              zoneMaxMm={limits.zoneMaxMm[editing] ?? findZone(editing)?.defaultMaxMm ?? 0}
              overrideNeeded={needsOverride(editing, (zones[editing] as ZoneDraft).depthMm, limits)}
              onChange={(draft) => update(editing, draft)}
              onRemove={() => remove(editing)}
              onDone={() => setSelected(null)}
            />
          ) : (
            <ChartedZonesList zones={zones} states={states} onSelect={select} />
          )}
        </Stack>
      </Group>
      <Stack gap="xs" mt="xs">
        <IndicationChips zones={zones} states={states} selected={selected} labelOf={labelOf} onSelect={select} />
        <ZoneLegend />
      </Stack>
    </Paper>
  );
}
