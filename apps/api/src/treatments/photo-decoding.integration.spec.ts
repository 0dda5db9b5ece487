import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, giveConsents, walkIn, type Chair } from '../../test/treatment-factories';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A 64x48 skin-tone JPEG as a phone takes it: EXIF with the camera, a GPS position, and "rotate 90° to view". */
function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 214, g: 168, b: 146 } } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'ClinicCam', Model: 'Front desk phone', Copyright: 'Harbour Skin Clinic' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 42/1 46/1', GPSLongitudeRef: 'W', GPSLongitude: '74/1 0/1 21/1' },
      },
    })
    .toBuffer();
}

/** Photos are decoded by sharp, not trusted by their magic bytes, and stored without EXIF or GPS. */
describe('photo decoding', () => {
  let app: TestApp;
  let c: Chair;
  let sessionId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-photo-decoding-'));

  beforeAll(async () => {
    app = await createTestApp({ DATA_DIR: dataDir });
    c = await chair(app, { lotQuantity: 5 });
    await giveConsents(app, c, ['cosmetic_needling', 'photography']);
    const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c));
    if (started.status !== 201) throw new Error(`Starting a session failed: ${started.status} ${started.text}`);
    sessionId = started.body.session.id;
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (bytes: Buffer, type: string, angle = 'front') => {
    const form = new FormData();
    form.append('phase', 'before');
    form.append('angle', angle);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo');
    return c.practitioner.post(`/api/treatment-sessions/${sessionId}/photos`, form);
  };
  const storedFile = (photoId: string) => fs.readFileSync(path.join(dataDir, 'photos', c.organization.id, photoId));

  it('refuses a PNG signature followed by HTML with 400 problem+json naming the file rule', async () => {
    const polyglot = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const response = await upload(polyglot, 'image/png');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toEqual([{ field: 'file', message: 'must decode as a JPEG, PNG or WebP image' }]);
    // A real PNG truncated half-way is refused too, rather than stored half-decoded.
    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    expect((await upload(png.subarray(0, Math.floor(png.length / 2)), 'image/png')).status).toBe(400);
    expect((await c.owner.get(`/api/treatment-sessions/${sessionId}/photos`)).body).toEqual([]);
  });

  it('stores a phone JPEG upright, without EXIF or GPS, under the hash of the stored file', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(before).toMatchObject({ width: 64, height: 48, orientation: 6 });
    expect(before.exif?.includes(Buffer.from('ClinicCam'))).toBe(true);

    const response = await upload(original, 'image/jpeg');
    expect(response.status).toBe(201);
    const stored = storedFile(response.body.id);
    const after = await sharp(stored).metadata();
    expect({ format: after.format, width: after.width, height: after.height, exif: after.exif, orientation: after.orientation, xmp: after.xmp }).toEqual({
      format: 'jpeg',
      width: 48,
      height: 64,
      exif: undefined,
      orientation: undefined,
      xmp: undefined,
    });
    expect(stored.includes(Buffer.from('ClinicCam'))).toBe(false);
    expect(response.body).toMatchObject({ contentType: 'image/jpeg', byteSize: stored.length, sha256: sha256(stored) });
    expect(sha256(stored)).not.toBe(sha256(original));
    const served = await fetch(`${app.baseUrl}${response.body.url}`, { headers: { cookie: [...c.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(served.headers.get('cache-control')).toBe('private, no-store');
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(stored));
  });

  it('accepts WebP, and photos over the 1 MiB JSON limit (multipart keeps its own 15 MB limit)', async () => {
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 160, b: 140 } } }).webp().toBuffer();
    expect((await upload(webp, 'image/webp', 'left45')).body).toMatchObject({ contentType: 'image/webp' });
    const large = await sharp({ create: { width: 900, height: 900, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    expect(large.length).toBeGreaterThan(1024 * 1024);
    const response = await upload(large, 'image/png', 'right45');
    expect(response.status).toBe(201);
    expect(response.body.contentType).toBe('image/png');
  });

  describe('the multipart body itself', () => {
    const post = (body: FormData | string, contentType?: string) =>
      fetch(`${app.baseUrl}/api/treatment-sessions/${sessionId}/photos`, {
        method: 'POST',
        headers: { cookie: [...c.practitioner.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': c.practitioner.cookies.get('csrf_token') ?? '', ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
    const refusal = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), errors: ((await response.json()) as { errors?: unknown }).errors });
    const photo = () => sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 160, b: 140 } } }).jpeg().toBuffer();

    it('refuses a second file, naming the file rule, and stores nothing', async () => {
      const before = (await c.practitioner.get(`/api/treatment-sessions/${sessionId}/photos`)).body.length;
      const form = new FormData();
      form.append('phase', 'before');
      form.append('angle', 'front');
      form.append('file', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'a.jpg');
      form.append('file', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'b.jpg');
      expect(await refusal(await post(form))).toEqual({ status: 400, type: expect.stringContaining('application/problem+json'), errors: [{ field: 'file', message: 'exactly one file is accepted' }] });
      expect((await c.practitioner.get(`/api/treatment-sessions/${sessionId}/photos`)).body).toHaveLength(before);
    });

    it('refuses a file over 15 MB', async () => {
      const form = new FormData();
      form.append('phase', 'before');
      form.append('angle', 'front');
      form.append('file', new Blob([new Uint8Array(15 * 1024 * 1024 + 1)], { type: 'image/jpeg' }), 'big.jpg');
      expect(await refusal(await post(form))).toMatchObject({ status: 400, errors: [{ field: 'file', message: 'is larger than 15 MB' }] });
    });

    it('refuses a body that is not multipart, or multipart without a boundary or cut short, with 400 naming the file', async () => {
      expect(await refusal(await post(JSON.stringify({ phase: 'before' }), 'application/json'))).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
      expect(await refusal(await post('phase=before', 'multipart/form-data'))).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
      const cut = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot the end';
      expect(await refusal(await post(cut, 'multipart/form-data; boundary=XyZ'))).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
    });
  });
});
