import { Box, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

interface SignatureCanvasProps {
  /** The signature as a PNG data URL, or null when empty. */
  onChange: (dataUrl: string | null) => void;
  height?: number;
}

/**
 * Finger or stylus signature on a canvas (signature_pad), with undo and clear. The canvas is sized for the device's
 * pixel ratio so strokes stay sharp; the image is sent as PNG (the API also accepts SVG).
 */
export function SignatureCanvas({ onChange, height = 220 }: SignatureCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  const publish = useCallback(() => {
    const pad = padRef.current;
    const isEmpty = !pad || pad.isEmpty();
    setEmpty(isEmpty);
    changeRef.current(isEmpty || !pad ? null : pad.toDataURL('image/png'));
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#111827', minWidth: 1, maxWidth: 3, backgroundColor: 'rgba(255,255,255,0)' });
    padRef.current = pad;
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    resize();
    window.addEventListener('resize', resize);
    pad.addEventListener('endStroke', publish);
    return () => {
      window.removeEventListener('resize', resize);
      pad.removeEventListener('endStroke', publish);
      pad.off();
      padRef.current = null;
    };
  }, [publish]);

  const undo = () => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    data.pop();
    pad.fromData(data);
    publish();
  };
  const clear = () => {
    padRef.current?.clear();
    publish();
  };

  return (
    <Box>
      <Box
        style={{ position: 'relative', border: '2px dashed var(--mantine-color-slate-4, #94a3b8)', borderRadius: 8, background: '#fff', touchAction: 'none' }}
      >
        <canvas ref={canvasRef} aria-label="Signature pad: sign with your finger or a stylus" data-testid="signature-pad" style={{ width: '100%', height, display: 'block', touchAction: 'none' }} />
        {empty && (
          <Text c="dimmed" size="lg" style={{ position: 'absolute', left: 24, bottom: 18, pointerEvents: 'none' }}>
            Sign here
          </Text>
        )}
      </Box>
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" size="md" leftSection={<IconArrowBackUp size={18} />} onClick={undo} disabled={empty}>
          Undo
        </Button>
        <Button variant="default" size="md" leftSection={<IconEraser size={18} />} onClick={clear} disabled={empty}>
          Clear
        </Button>
      </Group>
    </Box>
  );
}
