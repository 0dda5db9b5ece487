/** Styles for inputs holding codes (barcodes, serial and lot numbers): monospace text, normal label. */
export const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
