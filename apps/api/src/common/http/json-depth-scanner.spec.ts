import { JsonDepthScanner } from './json-depth-scanner';

const scan = (text: string, maxDepth = 3, chunkBytes = 1) => {
  const scanner = new JsonDepthScanner(maxDepth);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkBytes) if (!scanner.feed(bytes.subarray(i, i + chunkBytes))) return { ok: false, depth: scanner.maxDepthSeen };
  return { ok: true, depth: scanner.maxDepthSeen };
};

describe('JsonDepthScanner', () => {
  it('counts arrays and objects together and stops at the first level over the limit', () => {
    expect(scan('[{"a":[1]}]')).toEqual({ ok: true, depth: 3 });
    expect(scan('[{"a":[[1]]}]')).toEqual({ ok: false, depth: 4 });
    expect(scan('[[[]],[[]],[[]]]')).toEqual({ ok: true, depth: 3 });
  });

  it('ignores brackets inside strings, escaped quotes included, across chunk boundaries', () => {
    expect(scan('{"a":"[[[[{{{{"}')).toEqual({ ok: true, depth: 1 });
    expect(scan('{"a":"\\"[[[[\\\\","b":[1]}')).toEqual({ ok: true, depth: 2 });
    expect(scan('["\\\\",[[[1]]]]')).toEqual({ ok: false, depth: 4 });
    expect(scan('{"é[":"ü{"}', 3, 2)).toEqual({ ok: true, depth: 1 });
  });
});
