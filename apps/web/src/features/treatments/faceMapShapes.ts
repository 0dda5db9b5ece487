import type { ZoneCode } from '@skinledger/domain';

/** A face zone drawn on the front-view map: one or two shapes (left and right) and where its label sits. */
export interface ZoneShape {
  zone: ZoneCode;
  paths: string[];
  short: string;
  labels: { x: number; y: number }[];
}

const mirror = (path: string) =>
  path.replace(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${320 - Number(x)} ${y}`);

const EYE_AREA = 'M 78 142 C 78 124 96 116 110 116 C 126 116 136 126 136 142 C 136 158 124 166 108 166 C 92 166 78 158 78 142 Z';
const CHEEK = 'M 60 130 C 66 156 74 168 90 168 C 112 170 126 166 136 160 L 134 202 L 118 226 C 98 234 80 230 70 214 C 60 190 56 160 60 130 Z';

/** Front view, viewBox 0 0 320 420; the patient's right is on the viewer's left. */
export const FACE_SHAPES: ZoneShape[] = [
  {
    zone: 'forehead',
    paths: ['M 58 118 C 58 58 104 30 160 30 C 216 30 262 58 262 118 L 186 118 L 178 104 L 142 104 L 134 118 Z'],
    short: 'Forehead',
    labels: [{ x: 160, y: 76 }],
  },
  { zone: 'glabella', paths: ['M 142 104 L 178 104 L 186 118 L 178 136 L 142 136 L 134 118 Z'], short: 'Glabella', labels: [{ x: 160, y: 123 }] },
  { zone: 'periorbital', paths: [EYE_AREA, mirror(EYE_AREA)], short: 'Eyes', labels: [{ x: 107, y: 158 }, { x: 213, y: 158 }] },
  { zone: 'nose', paths: ['M 142 136 L 178 136 L 188 200 C 172 210 148 210 132 200 Z'], short: 'Nose', labels: [{ x: 160, y: 180 }] },
  { zone: 'cheeks', paths: [CHEEK, mirror(CHEEK)], short: 'Cheek', labels: [{ x: 98, y: 200 }, { x: 222, y: 200 }] },
  {
    zone: 'perioral',
    paths: ['M 118 226 L 134 202 C 150 212 170 212 186 202 L 202 226 C 198 254 180 262 160 262 C 140 262 122 254 118 226 Z'],
    short: 'Lips',
    labels: [{ x: 160, y: 252 }],
  },
  {
    zone: 'chin_jawline',
    paths: ['M 70 214 C 80 230 98 234 118 226 C 122 254 140 262 160 262 C 180 262 198 254 202 226 C 222 234 240 230 250 214 C 244 254 226 278 204 292 C 186 304 134 304 116 292 C 94 278 76 254 70 214 Z'],
    short: 'Chin, jaw',
    labels: [{ x: 160, y: 286 }],
  },
  {
    zone: 'neck_decollete',
    paths: ['M 118 296 C 140 308 180 308 202 296 L 206 334 C 250 342 290 366 304 414 L 16 414 C 30 366 70 342 114 334 Z'],
    short: 'Neck, décolleté',
    labels: [{ x: 160, y: 372 }],
  },
];

/** Decorations that are not zones: ears, eyes, mouth. Drawn under the zones, never tappable. */
export const FACE_DECOR = {
  outline: 'M 58 118 C 58 58 104 30 160 30 C 216 30 262 58 262 118 C 262 180 250 254 204 292 C 186 304 134 304 116 292 C 70 254 58 180 58 118 Z',
  ears: ['M 58 130 C 44 126 40 150 46 172 C 50 188 58 192 64 190', 'M 262 130 C 276 126 280 150 274 172 C 270 188 262 192 256 190'],
  eyes: ['M 90 140 C 100 130 118 130 126 140 C 118 148 100 148 90 140 Z', 'M 194 140 C 202 130 220 130 230 140 C 220 148 202 148 194 140 Z'],
  mouth: 'M 138 236 C 150 242 170 242 182 236',
};
