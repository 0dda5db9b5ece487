import type { ZoneCode } from '@skinledger/domain';
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { FACE_DECOR, FACE_SHAPES } from '@web/features/treatments/faceMapShapes';
import { TONE_FILL, TONE_LABEL, TONE_STROKE, passesText, type ZoneState } from '@web/features/treatments/zoneStatus';
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

/** Keyboard focus (not a tap or click) shows the ring; a browser without :focus-visible shows it on every focus. */
function isKeyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

/** The accessible name of a zone: its name, depth, passes and what its colour means. */
export function zoneAccessibleName(label: string, entry: ZoneDraft | undefined, state: ZoneState): string {
  return `${label}: ${entry ? `${entry.depthMm} mm, ${passesText(entry.passes)}, ${TONE_LABEL[state.tone]}` : 'not treated'}`;
}

/**
 * The face, front view: each facial zone a tappable, focusable region coloured by its depth against the limits.
 * Three layers: the zones (the buttons, with their names), then the labels on top of every zone (so a neighbour never
 * paints over a narrow zone's depth, as the cheeks did over the nose), then the keyboard focus ring (a white-backed
 * blue outline drawn above everything, so it is never hidden under a neighbouring zone).
 */
export function FaceMap({ zones, states, selected, labelOf, onSelect }: FaceMapProps) {
  const [focused, setFocused] = useState<ZoneCode | null>(null);
  const ring = FACE_SHAPES.find((s) => s.zone === focused);
  return (
    <svg
      viewBox="0 0 320 420"
      role="group"
      aria-label="Face map"
      style={{ width: '100%', maxWidth: 300, display: 'block', margin: '0 auto', touchAction: 'manipulation', overflow: 'visible' }}
    >
      <path d={FACE_DECOR.outline} fill="var(--mantine-color-white)" stroke="var(--mantine-color-slate-4)" strokeWidth={1.5} />
      {FACE_DECOR.ears.map((d) => (
        <path key={d} d={d} fill="none" stroke="var(--mantine-color-slate-4)" strokeWidth={1.5} />
      ))}
      {FACE_SHAPES.map(({ zone, paths }) => {
        const entry = zones[zone];
        const state = states[zone];
        const isSelected = selected === zone;
        return (
          <g
            key={zone}
            role="button"
            tabIndex={0}
            aria-label={zoneAccessibleName(labelOf(zone), entry, state)}
            aria-pressed={isSelected}
            data-zone={zone}
            data-tone={state.tone}
            data-focus-ring={focused === zone ? 'visible' : undefined}
            onClick={() => onSelect(zone)}
            onKeyDown={activate(() => onSelect(zone))}
            onFocus={(event: FocusEvent<SVGGElement>) => setFocused(isKeyboardFocus(event.currentTarget) ? zone : null)}
            onBlur={() => setFocused((current) => (current === zone ? null : current))}
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
      <g aria-hidden="true" style={{ pointerEvents: 'none' }}>
        {FACE_DECOR.eyes.map((d) => (
          <path key={d} d={d} fill="none" stroke="var(--mantine-color-slate-5)" strokeWidth={1.25} />
        ))}
        <path d={FACE_DECOR.mouth} fill="none" stroke="var(--mantine-color-slate-5)" strokeWidth={1.5} />
        {FACE_SHAPES.flatMap(({ zone, short, labels }) => {
          const entry = zones[zone];
          return labels.map(({ x, y }) => (
            <text
              key={`${zone}-${x}-${y}`}
              data-zone-label={zone}
              x={x}
              y={y}
              textAnchor="middle"
              fontSize={entry ? 13 : 10.5}
              fontWeight={entry ? 700 : 500}
              fill={entry ? 'var(--mantine-color-slate-9)' : 'var(--mantine-color-slate-7)'}
              stroke="var(--mantine-color-white)"
              strokeWidth={entry ? 3 : 2.5}
              strokeOpacity={0.85}
              strokeLinejoin="round"
              paintOrder="stroke"
              style={{ userSelect: 'none' }}
            >
              {entry ? `${entry.depthMm} mm` : short}
            </text>
          ));
        })}
      </g>
      {ring && (
        <g aria-hidden="true" data-testid="zone-focus-ring" style={{ pointerEvents: 'none' }}>
          {ring.paths.map((d) => (
            <path key={`halo-${d}`} d={d} fill="none" stroke="var(--mantine-color-white)" strokeWidth={7} strokeLinejoin="round" />
          ))}
          {ring.paths.map((d) => (
            <path key={`ring-${d}`} d={d} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={3.5} strokeLinejoin="round" />
          ))}
        </g>
      )}
    </svg>
  );
}
