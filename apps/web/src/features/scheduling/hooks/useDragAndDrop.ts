import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { Calendar, type CalendarProps } from 'react-big-calendar';
import type { withDragAndDropProps } from 'react-big-calendar/lib/addons/dragAndDrop';

export type DragAndDropCalendar<TEvent extends object, TResource extends object> = ComponentType<
  CalendarProps<TEvent, TResource> & withDragAndDropProps<TEvent, TResource>
>;

let addon: Promise<typeof import('react-big-calendar/lib/addons/dragAndDrop')> | undefined;

/**
 * Moving appointments by dragging needs the calendar's drag-and-drop addon, 20 kB that largely repeats the calendar's
 * own code. It is fetched once the calendar is on screen, and only for those who may book; until then (and for the
 * others) the plain calendar shows the same day. The calendar that can drag replaces the plain one between clicks,
 * never between a press and its release, so a click on an appointment is not lost to the swap.
 */
export function useDragAndDrop<TEvent extends object, TResource extends object>(enabled: boolean) {
  const [calendar, setCalendar] = useState<DragAndDropCalendar<TEvent, TResource> | null>(null);
  const pressing = useRef(false);
  const waiting = useRef<DragAndDropCalendar<TEvent, TResource> | null>(null);
  const swapIfIdle = useCallback(() => {
    const next = waiting.current;
    if (!next || pressing.current) return;
    waiting.current = null;
    setCalendar(() => next);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    addon ??= import('react-big-calendar/lib/addons/dragAndDrop');
    addon.then(
      ({ default: withDragAndDrop }) => {
        if (!current) return;
        waiting.current = withDragAndDrop<TEvent, TResource>(Calendar);
        swapIfIdle();
      },
      () => undefined, // no dragging is better than a broken page: moving still works from the appointment's drawer
    );
    return () => {
      current = false;
    };
  }, [enabled, swapIfIdle]);

  /** Handlers for the element around the calendar: they hold the swap while a press is in progress. */
  const released = () => {
    // The click follows the release in the same task; swap after it.
    window.setTimeout(() => {
      pressing.current = false;
      swapIfIdle();
    }, 0);
  };
  const pressTracking = {
    onPointerDownCapture: () => {
      pressing.current = true;
    },
    onPointerUpCapture: released,
    onPointerCancelCapture: released,
  };
  return { calendar, pressTracking };
}
