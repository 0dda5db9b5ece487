import type { ZoneCode } from '@skinledger/domain';
import type { KeyboardEvent } from 'react';
import { FACE_DECOR, FACE_SHAPES } from '@web/features/treatments/faceMapShapes';
import { TONE_FILL, TONE_LABEL, TONE_STROKE, type ZoneState } from '@web/features/treatments/zoneStatus';
import type { ZoneDraft } from '@web/features/treatments/chartDraft';

interface FaceMapProps {
  zones: Partial<Record<ZoneCode, ZoneDraft>>;
  states: Record<ZoneCode, ZoneState>;
  selected: ZoneCode | null;
  labelOf: (zone: ZoneCode) => string;
  onSelect: (zone: ZoneCode) => void;
}

const activate = (onSelect: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    onSelect();
  }
};

/** The face, front view: each facial zone a tappable region coloured by its depth against the limits. */
export function FaceMap({ zones, states, selected, labelOf, onSelect }: FaceMapProps) {
  return (
    <svg viewBox="0 0 320 420" role="group" aria-label="Face map" style={{ width: '100%', maxWidth: 300, display: 'block', margin: '0 auto', touchAction: 'manipulation' }}>
      <path d={FACE_DECOR.outline} fill="var(--mantine-color-white)" stroke="var(--mantine-color-slate-4)" strokeWidth={1.5} />
      {FACE_DECOR.ears.map((d) => (
        <path key={d} d={d} fill="none" stroke="var(--mantine-color-slate-4)" strokeWidth={1.5} />
      ))}
      {FACE_SHAPES.map(({ zone, paths }) => {
        const entry = zones[zone];
        const state = states[zone];
        const isSelected = selected === zone;
        const name = `${labelOf(zone)}: ${entry ? `${entry.depthMm} mm, ${entry.passes} passes, ${TONE_LABEL[state.tone]}` : 'not treated'}`;
        return (
          <g
            key={zone}
            role="button"
            tabIndex={0}
            aria-label={name}
            aria-pressed={isSelected}
            data-zone={zone}
            data-tone={state.tone}
            onClick={() => onSelect(zone)}
            onKeyDown={activate(() => onSelect(zone))}
            style={{ cursor: 'pointer', outline: 'none' }}
          >
            {paths.map((d) => (
              <path
                key={d}
                d={d}
                fill={TONE_FILL[state.tone]}
                fillOpacity={entry ? 0.9 : 0.55}
                stroke={isSelected ? 'var(--mantine-color-slate-9)' : TONE_STROKE[state.tone]}
                strokeWidth={isSelected ? 3 : 1.25}
                strokeDasharray={entry || isSelected ? undefined : '4 3'}
              />
            ))}
          </g>
        );
      })}
      {/* The zones' short names and depths, drawn over them but outside their buttons: each button's name says it
          all, and text inside a button that its name does not contain misleads speech input (WCAG 2.5.3). */}
      <g aria-hidden="true" style={{ pointerEvents: 'none', userSelect: 'none' }}>
        {FACE_SHAPES.flatMap(({ zone, short, labels }) => {
          const entry = zones[zone];
          return labels.map(({ x, y }) => (
            <text
              key={`${zone}-${x}-${y}`}
              x={x}
              y={y}
              textAnchor="middle"
              fontSize={entry ? 13 : 10.5}
              fontWeight={entry ? 700 : 500}
              fill={entry ? 'var(--mantine-color-slate-9)' : 'var(--mantine-color-slate-6)'}
            >
              {entry ? `${entry.depthMm} mm` : short}
            </text>
          ));
        })}
      </g>
      {FACE_DECOR.eyes.map((d) => (
        <path key={d} d={d} fill="none" stroke="var(--mantine-color-slate-5)" strokeWidth={1.25} style={{ pointerEvents: 'none' }} />
      ))}
      <path d={FACE_DECOR.mouth} fill="none" stroke="var(--mantine-color-slate-5)" strokeWidth={1.5} style={{ pointerEvents: 'none' }} />
    </svg>
  );
}
