import { Box, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';
import { useSignaturePad } from '@web/lib/signature/useSignaturePad';

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
  const { canvasRef, empty, undo, clear } = useSignaturePad(onChange);

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
