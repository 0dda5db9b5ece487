import { newPatient, signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { Patient } from './patient.entity';
import { parseSearchTerm } from './patient-search-terms';

describe('patient search', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  const p: Record<string, Patient> = {};
  const names = (body: { items: { firstName: string; lastName: string }[] }) => body.items.map((i) => `${i.firstName} ${i.lastName}`);

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'front_desk');
    const add = async (key: string, overrides: Partial<Patient>) => {
      p[key] = await newPatient(app.dataSource, org.organization.id, overrides);
    };
    await add('margaret', { firstName: 'Margaret', lastName: 'Thompson', phone: '+12125550100', email: 'peggy@example.com' });
    await add('margaretThomas', { firstName: 'Margaret', lastName: 'Thomas' });
    await add('tom', { firstName: 'Tom', lastName: 'Thompson', phone: '+447700900123', tags: ['acne scars', 'vip'] });
    await add('john', { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com', allergies: [{ substance: 'Lidocaine', class: 'amide_anesthetic' }] });
    await add('jane', { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '3125550177', tags: ['acne scars'] });
    await add('jose', { firstName: 'José', lastName: 'Núñez' });
    await add('archived', { firstName: 'Archie', lastName: 'Thompson', archivedAt: new Date(), archivedBy: org.staffMember.id });
    // Another organization's namesake must never appear.
    const other = await signedInOrganization(app, 'owner');
    await newPatient(app.dataSource, other.organization.id, { firstName: 'Margaret', lastName: 'Thompson' });
  });
  afterAll(async () => app.close());

  const search = async (q: string, extra = '') => {
    const response = await org.client.get(`/api/patients?q=${encodeURIComponent(q)}${extra}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('finds a misspelled name, best match first', async () => {
    const body = await search('Margret Thompsen');
    expect(names(body)).toEqual(['Margaret Thompson']);
    expect(body).toMatchObject({ hasMore: false, nextCursor: null });
    // Two letters swapped in a full name.
    expect(names(await search('Margaret Thopmson'))[0]).toBe('Margaret Thompson');
    // One wrong letter in a surname alone: both Thompsons, the archived one left out.
    expect(names(await search('Thompsen')).sort()).toEqual(['Margaret Thompson', 'Tom Thompson']);
    // A close full name ranks first; a first name finds everyone who has it.
    expect(names(await search('Margaret Thomson'))).toEqual(['Margaret Thompson', 'Margaret Thomas']);
    expect(names(await search('Margaret'))).toEqual(['Margaret Thomas', 'Margaret Thompson']);
  });

  it('finds a surname, a name prefix and a name written last-first', async () => {
    expect(names(await search('thompson')).sort()).toEqual(['Margaret Thompson', 'Tom Thompson']);
    expect(names(await search('Thom'))).toEqual(expect.arrayContaining(['Margaret Thomas', 'Margaret Thompson', 'Tom Thompson']));
    expect(names(await search('Smith, John'))[0]).toBe('John Smith');
  });

  it('carries each patient\'s allergies in the list, so the dashboard can flag them', async () => {
    const body = await search('john.smith@example.com');
    expect(body.items[0].allergies).toEqual([{ substance: 'Lidocaine', class: 'amide_anesthetic' }]);
  });

  it('filters by tag, with or without a search term, and lists the tags in use', async () => {
    const tagged = await org.client.get('/api/patients?tag=Acne%20Scars');
    expect(names(tagged.body).sort()).toEqual(['Jane Doe', 'Tom Thompson']);
    expect(tagged.body.total).toEqual({ count: 2, capped: false });
    expect(names(await search('Thompson', '&tag=acne%20scars'))).toEqual(['Tom Thompson']);
    const tags = await org.client.get('/api/patients/tags');
    expect(tags.body).toEqual([
      { tag: 'acne scars', patients: 2 },
      { tag: 'vip', patients: 1 },
    ]);
  });

  it('ignores accents and case', async () => {
    expect(names(await search('jose nunez'))).toEqual(['José Núñez']);
    expect(names(await search('NÚÑEZ'))).toEqual(['José Núñez']);
  });

  it('finds a phone number typed in another format, or by its last digits', async () => {
    for (const q of ['(212) 555-0100', '212.555.0100', '+1 212 555 0100', '5550100']) {
      expect(names(await search(q))).toEqual(['Margaret Thompson']);
    }
    expect(names(await search('07700 900123'))).toEqual(['Tom Thompson']);
    expect(names(await search('0177'))).toEqual(['Jane Doe']);
  });

  it('finds an email, whole or by its start', async () => {
    expect(names(await search('JANE.DOE@example.com'))).toEqual(['Jane Doe']);
    expect(names(await search('john.sm'))[0]).toBe('John Smith');
  });

  it('finds an MRN however it is typed', async () => {
    for (const q of [p.tom.mrn, p.tom.mrn.toLowerCase().replace('-', ''), 'SL-3']) {
      expect((await search(q)).items[0].id).toBe(p.tom.id);
    }
  });

  it('hides archived patients unless asked', async () => {
    expect(names(await search('Archie Thompson'))).not.toContain('Archie Thompson');
    const withArchived = await search('Archie Thompson', '&includeArchived=true');
    expect(withArchived.items[0]).toMatchObject({ id: p.archived.id, archived: true });
  });

  it('lists everyone by last name without a search term, a page at a time', async () => {
    const first = await org.client.get('/api/patients?pageSize=2');
    expect(first.body).toMatchObject({ total: { count: 6, capped: false }, pageSize: 2, hasMore: true });
    expect(names(first.body)).toEqual(['Jane Doe', 'José Núñez']);
    const second = await org.client.get(`/api/patients?pageSize=2&after=${first.body.nextCursor}`);
    expect(names(second.body)).toEqual(['John Smith', 'Margaret Thomas']);
    const third = await org.client.get(`/api/patients?pageSize=2&after=${second.body.nextCursor}`);
    expect(names(third.body)).toEqual(['Margaret Thompson', 'Tom Thompson']);
    expect(third.body).toMatchObject({ hasMore: false, nextCursor: null, total: { count: 6, capped: false } });
    expect((await org.client.get('/api/patients?includeArchived=true')).body.total).toEqual({ count: 7, capped: false });
  });

  it('pages search results best match first, each patient once', async () => {
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 5; page++) {
      const body = await search('Margaret Thompson', `&pageSize=1&includeArchived=true${after ? `&after=${after}` : ''}`);
      expect(body.total).toBeUndefined();
      seen.push(...names(body));
      if (!body.hasMore) break;
      after = body.nextCursor;
    }
    const all = names(await search('Margaret Thompson', '&includeArchived=true'));
    expect(seen).toEqual(all);
    expect(seen[0]).toBe('Margaret Thompson');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses another list's cursor as a 400 on after", async () => {
    const list = await org.client.get('/api/patients?pageSize=1');
    const response = await org.client.get(`/api/patients?q=thompson&after=${list.body.nextCursor}`);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['after']);
  });

  it('answers nothing, not an error, for terms that match no kind', async () => {
    expect(await search('%_\\')).toMatchObject({ items: [], hasMore: false });
    expect(await search('zzzzqqq')).toMatchObject({ items: [], hasMore: false });
  });

  it('refuses bad paging and flags', async () => {
    const response = await org.client.get('/api/patients?pageSize=500&includeArchived=maybe');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['includeArchived', 'pageSize']);
  });
});

describe('parseSearchTerm', () => {
  it('reads each kind of term', () => {
    expect(parseSearchTerm('SL-000123')).toEqual({ mrn: 'SL-000123' });
    expect(parseSearchTerm('(212) 555-0100')).toEqual({ phoneDigits: '2125550100', phoneSuffixPattern: '0010555212%' });
    expect(parseSearchTerm('123')).toEqual({ mrn: 'SL-000123' });
    expect(parseSearchTerm('jane@x.io')).toEqual({ email: 'jane@x.io', emailPrefixPattern: 'jane@x.io%' });
    expect(parseSearchTerm('Margaret Thompson')).toEqual({ name: 'Margaret Thompson' });
    expect(parseSearchTerm('thom')).toEqual({ name: 'thom', email: 'thom', emailPrefixPattern: 'thom%' });
    expect(parseSearchTerm('a_b')).toMatchObject({ emailPrefixPattern: 'a\\_b%' });
  });
});
