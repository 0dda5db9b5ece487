import { Button, FileButton, Group, SegmentedControl, Select } from '@mantine/core';
import { PHOTO_ANGLE_LABELS, PHOTO_ANGLES, type PhotoAngle, type PhotoPhase } from '@skinledger/domain';
import { IconCamera } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { FormAlert } from '@web/components/FormAlert';
import { useUploadPhoto } from '@web/features/treatments/hooks/useSessionPhotos';

/** Phase and angle, then the tablet's rear camera (capture="environment") or a file; uploads on choosing. */
export function PhotoUploadBar({ sessionId, patientId }: { sessionId: string; patientId: string }) {
  const [phase, setPhase] = useState<PhotoPhase>('before');
  const [angle, setAngle] = useState<PhotoAngle>('front');
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const upload = useUploadPhoto(sessionId, patientId);
  // Cleared after each choice, so the same file can be chosen again after a refusal.
  const resetRef = useRef<() => void>(null);
  const send = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    upload.mutate({ phase, angle, file }, { onError: (e) => setProblem(describeProblem(e).summary), onSettled: () => resetRef.current?.() });
  };
  return (
    <>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Phase"
          data={[
            { value: 'before', label: 'Before' },
            { value: 'after', label: 'After' },
          ]}
          value={phase}
          onChange={(v) => setPhase(v as PhotoPhase)}
        />
        <Select
          aria-label="Angle"
          data={PHOTO_ANGLES.map((a) => ({ value: a, label: PHOTO_ANGLE_LABELS[a] }))}
          value={angle}
          onChange={(v) => v && setAngle(v as PhotoAngle)}
          w={150}
          allowDeselect={false}
        />
        <FileButton resetRef={resetRef} onChange={send} accept="image/jpeg,image/png,image/webp" capture="environment">
          {(props) => (
            <Button {...props} leftSection={<IconCamera size={16} aria-hidden />} loading={upload.isPending}>
              Take or add photo
            </Button>
          )}
        </FileButton>
      </Group>
      <FormAlert summary={problem} />
    </>
  );
}
