import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import SignaturePad from 'signature_pad';

/**
 * A signature drawn on a canvas with signature_pad (finger, stylus or mouse), for the clinic's kiosk and the patient's
 * own signing page alike: the canvas sized for the device's pixel ratio so strokes stay sharp (and kept across a
 * resize), undo of the last stroke, clear, and the drawing handed out as a PNG data URL (null when empty) after each
 * stroke. The API accepts PNG or SVG.
 */
export function useSignaturePad(onChange: (dataUrl: string | null) => void): {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  empty: boolean;
  undo: () => void;
  clear: () => void;
} {
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

  const undo = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    data.pop();
    pad.fromData(data);
    publish();
  }, [publish]);
  const clear = useCallback(() => {
    padRef.current?.clear();
    publish();
  }, [publish]);

  return { canvasRef, empty, undo, clear };
}
