/**
 * A JSON value as PostgreSQL's jsonb renders it back (`changes::text`), so the writer can hash an event's changes
 * without first asking the database for that text: keys sorted by byte length and then bytewise (jsonb's order), `": "`
 * and `", "` separators, strings escaped as to_json/JSON.stringify do. Numbers are written only in plain decimal form
 * (jsonb's numeric never prints an exponent); for anything it cannot render exactly this answers undefined and the
 * writer asks PostgreSQL instead. The append statement also compares this text with PostgreSQL's own rendering, so a
 * difference can only send a write down the slower path, never store a MAC over other bytes.
 */
export function jsonbText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  const serialized = JSON.stringify(value);
  if (serialized === undefined) return null;
  const plain: unknown = JSON.parse(serialized);
  if (plain === null) return null;
  return render(plain);
}

function render(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number': {
      const text = String(value);
      return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
    }
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? renderArray(value) : renderObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function renderArray(items: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    const text = render(item);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return `[${parts.join(', ')}]`;
}

function renderObject(object: Record<string, unknown>): string | undefined {
  const keys = Object.keys(object).map((key) => ({ key, bytes: Buffer.from(key, 'utf8') }));
  keys.sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes));
  const parts: string[] = [];
  for (const { key } of keys) {
    const text = render(object[key]);
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}: ${text}`);
  }
  return `{${parts.join(', ')}}`;
}
