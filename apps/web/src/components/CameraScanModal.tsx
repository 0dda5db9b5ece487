import { Alert, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { createBarcodeDetector } from '@web/lib/scan/barcodeDetector';

interface CameraScanModalProps {
  opened: boolean;
  onClose: () => void;
  onCode: (code: string) => void;
}

const SCAN_INTERVAL_MS = 250;

/** Reads a label with the device camera (BarcodeDetector); closes as soon as one code is read. */
export function CameraScanModal({ opened, onClose, onCode }: CameraScanModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Scan with camera" size="md">
      {opened && <CameraView onCode={onCode} />}
    </Modal>
  );
}

function CameraView({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const detector = createBarcodeDetector();
    if (!detector) {
      setProblem('This browser cannot read barcodes from the camera. Use a USB scanner or type the code.');
      return undefined;
    }
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const tick = async () => {
      const element = video.current;
      if (stopped || !element) return;
      try {
        const found = await detector.detect(element);
        const first = found[0];
        if (first && !stopped) {
          onCode(first.rawValue);
          return;
        }
      } catch {
        // The frame was not ready; try the next one.
      }
      timer = window.setTimeout(() => void tick(), SCAN_INTERVAL_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void tick();
      })
      .catch(() => setProblem('The camera could not be opened. Allow camera access, or use a USB scanner.'));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);

  if (problem) return <Alert color="yellow" variant="light">{problem}</Alert>;
  return (
    <>
      <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 4, background: '#000' }} aria-label="Camera view" />
      <Text size="sm" c="dimmed" mt="xs">
        Hold the label’s 2D barcode in view.
      </Text>
    </>
  );
}
