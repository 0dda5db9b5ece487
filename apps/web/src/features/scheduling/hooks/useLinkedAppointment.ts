import { useSearchParams } from 'react-router';
import { useAppointment, type Appointment } from './useSchedule';

/**
 * The appointment a link names (`/schedule?appointment=<id>`, where the signing kiosk returns to), for the drawer to
 * open on; `clear` drops it from the address when the drawer closes.
 */
export function useLinkedAppointment(): { appointment: Appointment | null; clear: () => void } {
  const [params, setParams] = useSearchParams();
  const id = params.get('appointment');
  const linked = useAppointment(id);
  const clear = () => {
    if (!id) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('appointment');
        return next;
      },
      { replace: true },
    );
  };
  return { appointment: id && linked.data ? linked.data : null, clear };
}
