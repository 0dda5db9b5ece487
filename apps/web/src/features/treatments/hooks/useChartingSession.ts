import { useCallback, useMemo, useState } from 'react';
import { isApiError, type RuleViolation } from '@web/lib/api/ApiError';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { EMPTY_CHART, toPreflightBody, toStartBody, zoneEntries, type ChartDraft, type SessionOrigin } from '@web/features/treatments/chartDraft';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';
import { usePreflight } from './usePreflight';
import { useStartSession } from './useStartSession';

/** What the chart still lacks, in the words of the checklist. */
function todosOf(draft: ChartDraft, origin: SessionOrigin): string[] {
  const todos: string[] = [];
  if (!draft.deviceId) todos.push('Choose the pen');
  if (!draft.cartridgeLotId) todos.push('Choose or scan the cartridge lot');
  if (zoneEntries(draft.zones).length === 0) todos.push('Tap at least one zone and set its depth');
  if (origin.kind === 'walk-in' && !draft.walkInReason.trim()) todos.push('Give the walk-in reason');
  return todos;
}

/** The charting screen's state: the draft, the live preflight, and starting (422 blockers kept for the checklist). */
export function useChartingSession(origin: SessionOrigin, onStarted: (session: TreatmentSession) => void) {
  const [draft, setDraft] = useState<ChartDraft>(EMPTY_CHART);
  const [refusal, setRefusal] = useState<RuleViolation[]>([]);
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const preflightBody = useMemo(() => toPreflightBody(draft, origin), [draft, origin]);
  const preflight = usePreflight(preflightBody);
  const start = useStartSession();

  const patch = useCallback((change: Partial<ChartDraft>) => setDraft((current) => ({ ...current, ...change })), []);
  const acknowledge = useCallback(
    (code: string, reason: string) => setDraft((current) => ({ ...current, acknowledgements: { ...current.acknowledgements, [code]: reason } })),
    [],
  );

  const todos = todosOf(draft, origin);
  const blockers = preflight.data?.blockers.length ?? 0;
  const unacknowledged = preflight.data?.warnings.some((w) => w.requiresAcknowledgement) ?? false;
  const canStart = todos.length === 0 && !!preflight.data && blockers === 0 && !unacknowledged && !preflight.isFetching && !start.isPending;

  const submit = () => {
    const body = toStartBody(draft, origin);
    if (!body) return;
    setRefusal([]);
    setProblem(null);
    start.mutate(body, {
      onSuccess: ({ session }) => onStarted(session),
      onError: (error) => {
        if (isApiError(error, 422) && error.violations.length > 0) setRefusal(error.violations);
        else setProblem(describeProblem(error).summary);
        void preflight.refetch();
      },
    });
  };

  // A dry run the API refused (400: e.g. an inactive location) is shown like any other problem.
  const checkProblem = preflight.isError ? describeProblem(preflight.error).summary : null;
  return { draft, patch, acknowledge, preflight, todos, refusal, problem: problem ?? checkProblem, canStart, submit, starting: start.isPending };
}
