/** The Shape Detection API's BarcodeDetector (Chromium on Android/ChromeOS/macOS); not in TypeScript's DOM types. */
export interface DetectedBarcode {
  rawValue: string;
}

export interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** The browser's BarcodeDetector for GS1 symbologies, or null where there is none (camera scanning is optional). */
export function createBarcodeDetector(): BarcodeDetectorLike | null {
  const ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!ctor || !navigator.mediaDevices?.getUserMedia) return null;
  try {
    return new ctor({ formats: ['data_matrix', 'code_128', 'qr_code'] });
  } catch {
    return null;
  }
}

export const hasBarcodeDetector = (): boolean =>
  typeof (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector === 'function' && Boolean(navigator.mediaDevices?.getUserMedia);
