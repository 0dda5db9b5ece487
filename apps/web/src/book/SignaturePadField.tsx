import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

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
