import { GS1_AI_DEFINITIONS, gs1Ai, gs1AiAt, parseGs1Component } from './application-identifiers';
import { GS1_CHECKS } from './ai-checks';
import { GS1_AI_TABLE } from './ai-table';
import { GS1_PREDEFINED_LENGTHS } from './predefined-length';

describe('the GS1 AI table', () => {
  it('holds every AI of the GS1 Barcode Syntax Dictionary: 224 entries, 541 AIs', () => {
    expect(GS1_AI_TABLE).toHaveLength(224);
    expect(GS1_AI_DEFINITIONS.size).toBe(541);
  });

  it('describes the AIs of device labels', () => {
    expect(gs1Ai('01')).toMatchObject({ fixedLength: true, maxLength: 14, predefinedLength: true, components: [{ charset: 'N', checks: ['csum', 'gcppos2'] }] });
    expect(gs1Ai('10')).toMatchObject({ fixedLength: false, minLength: 1, maxLength: 20, predefinedLength: false, components: [{ charset: 'X' }] });
    expect(gs1Ai('17')).toMatchObject({ maxLength: 6, predefinedLength: true, components: [{ checks: ['yymmd0'] }] });
    expect(gs1Ai('240')).toMatchObject({ maxLength: 30, predefinedLength: false, title: 'ADDITIONAL ID' });
    expect(gs1Ai('30')).toMatchObject({ maxLength: 8, components: [{ charset: 'N' }] });
    expect(gs1Ai('7003')).toMatchObject({ fixedLength: true, maxLength: 10, predefinedLength: false, components: [{ checks: ['yymmdd'] }, { checks: ['hhmi'] }] });
    expect(gs1Ai('8020')).toMatchObject({ maxLength: 25 });
    for (const ai of ['710', '711', '712', '713', '714', '715']) expect(gs1Ai(ai)).toMatchObject({ maxLength: 20, components: [{ charset: 'X' }] });
    expect(gs1Ai('23')).toBeUndefined();
  });

  it('expands ranges such as 3100-3105 and 91-99', () => {
    expect(gs1Ai('3103')?.title).toBe('NET WEIGHT (kg)');
    expect(gs1Ai('3106')).toBeUndefined();
    expect(gs1Ai('95')?.maxLength).toBe(90);
  });

  it('has no AI that starts another, so a raw string reads one way', () => {
    const ais = [...GS1_AI_DEFINITIONS.keys()];
    for (const ai of ais) expect(ais.filter((other) => other !== ai && other.startsWith(ai))).toEqual([]);
    expect(gs1AiAt('7003270331', 0)?.ai).toBe('7003');
    expect(gs1AiAt('240X', 0)?.ai).toBe('240');
  });

  it('agrees with the predefined-length table (GenSpecs Figure 7.8.5-2): such AIs are fixed and of that total length', () => {
    for (const definition of GS1_AI_DEFINITIONS.values()) {
      const total = GS1_PREDEFINED_LENGTHS[definition.ai.slice(0, 2)];
      if (total === undefined) continue;
      expect({ ai: definition.ai, fixed: definition.fixedLength, total: definition.ai.length + definition.maxLength }).toEqual({ ai: definition.ai, fixed: true, total });
    }
  });

  it('reads format components in the General Specifications notation', () => {
    expect(parseGs1Component('N6,yymmd0')).toEqual({ charset: 'N', minLength: 6, maxLength: 6, optional: false, checks: ['yymmd0'] });
    expect(parseGs1Component('X..20')).toEqual({ charset: 'X', minLength: 1, maxLength: 20, optional: false, checks: [] });
    expect(parseGs1Component('[N6],yymmdd')).toEqual({ charset: 'N', minLength: 6, maxLength: 6, optional: true, checks: ['yymmdd'] });
    expect(() => parseGs1Component('Q5')).toThrow();
  });

  it('enforces the date, time and check-digit rules of every AI that names them', () => {
    const named = new Set([...GS1_AI_DEFINITIONS.values()].flatMap((d) => d.components.flatMap((c) => c.checks)));
    for (const rule of ['csum', 'yymmd0', 'yymmdd', 'yyyymmdd', 'hhmi', 'hh', 'mi', 'ss']) {
      expect(named.has(rule)).toBe(true);
      expect(GS1_CHECKS[rule]).toBeDefined();
    }
  });
});
