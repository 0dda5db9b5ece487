import { useSignaturePad } from '@web/lib/signature/useSignaturePad';

interface SignaturePadFieldProps {
  /** The drawing as a PNG data URL (the API takes PNG or SVG), or null when empty. */
  onChange: (dataUrl: string | null) => void;
  describedBy?: string;
}

/**
 * The signature pad of the signing view, loaded only there (a dynamic import: signature_pad stays out of the booking
 * pages' first load). Finger, stylus or mouse (pointer events); Undo and Clear. Sized for the device's pixel ratio so
 * strokes stay sharp, as on the kiosk (apps/web/src/features/consents/components/SignatureCanvas.tsx).
 */
export default function SignaturePadField({ onChange, describedBy }: SignaturePadFieldProps) {
  const { canvasRef, empty, undo, clear } = useSignaturePad(onChange);

  return (
    <>
      <div className="pad">
        <canvas ref={canvasRef} id="signature-pad" data-testid="signature-pad" role="img" aria-label="Signature box" aria-describedby={describedBy} />
        {empty && (
          <span className="sign-here" aria-hidden="true">
            Sign here
          </span>
        )}
      </div>
      <div className="tools">
        <button type="button" className="button secondary" onClick={undo} disabled={empty}>
          Undo
        </button>
        <button type="button" className="button secondary" onClick={clear} disabled={empty}>
          Clear
        </button>
      </div>
    </>
  );
}
