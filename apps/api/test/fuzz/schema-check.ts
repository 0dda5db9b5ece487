import { Deep } from './hostile-values';
import { resolve, type Parameter, type Schema } from './openapi-model';

/**
 * What the committed OpenAPI document forbids in a request, in our own small checker over the subset of
 * JSON Schema the document uses ($ref, allOf, type, nullable, enum, format, bounds, required, properties).
 * Request objects are closed unless the schema says `additionalProperties`, because the API refuses unknown
 * fields (forbidNonWhitelisted). The fuzz suite fails when the API answers 2xx to anything listed here.
 */
export function schemaProblems(schema: Schema | undefined, value: unknown, at = 'body'): string[] {
  if (!schema) return [];
  const own = resolve(schema);
  if (value instanceof Deep) return isAnything(own) ? [] : [`${at}: ${value.depth} levels of nesting`];
  if (value === null) return own.nullable || isAnything(own) ? [] : [`${at}: null is not allowed`];
  const problems = [...(own.allOf ?? []).flatMap((part) => schemaProblems(part, value, at)), ...typeProblems(own, value, at)];
  if (own.enum && !own.enum.includes(value)) problems.push(`${at}: not one of ${own.enum.join(', ')}`);
  return problems;
}

function isAnything(schema: Schema): boolean {
  return !schema.type && !schema.allOf && !schema.enum && !schema.properties;
}

function typeProblems(schema: Schema, value: unknown, at: string): string[] {
  switch (schema.type) {
    case undefined:
      return schema.properties && isPlainObject(value) ? objectProblems(schema, value, at) : [];
    case 'string':
      return typeof value === 'string' ? stringProblems(schema, value, at) : [`${at}: not a string`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? numberProblems(schema, value, at) : [`${at}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => schemaProblems(schema.items, item, `${at}[${i}]`)) : [`${at}: not an array`];
    case 'object':
      return isPlainObject(value) ? objectProblems(schema, value, at) : [`${at}: not an object`];
  }
}

function objectProblems(schema: Schema, value: Record<string, unknown>, at: string): string[] {
  const properties = schema.properties ?? {};
  const problems = (schema.required ?? []).filter((key) => !Object.hasOwn(value, key)).map((key) => `${at}.${key}: required`);
  // allOf parts carry the properties in this document (`{type: object, allOf: [$ref]}`): those decide.
  if (!schema.properties && schema.allOf) return problems;
  for (const key of Object.keys(value)) {
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property) problems.push(...schemaProblems(property, value[key], `${at}.${key}`));
    else if (schema.additionalProperties === true) continue;
    else if (schema.additionalProperties) problems.push(...schemaProblems(schema.additionalProperties, value[key], `${at}.${key}`));
    else if (schema.properties || schema.additionalProperties === false) problems.push(`${at}.${key}: unknown property`);
  }
  return problems;
}

function stringProblems(schema: Schema, value: string, at: string): string[] {
  const problems: string[] = [];
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
  if (schema.maxLength !== undefined && length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  if (schema.format === 'uuid' && !UUID.test(value)) problems.push(`${at}: not a uuid`);
  if (schema.format === 'date' && !isCalendarDate(value)) problems.push(`${at}: not a calendar date`);
  if (schema.format === 'date-time' && !isDateTime(value)) problems.push(`${at}: not an RFC 3339 date-time`);
  return problems;
}

function numberProblems(schema: Schema, value: number, at: string): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(value)) problems.push(`${at}: not finite`);
  if (schema.type === 'integer' && !Number.isInteger(value)) problems.push(`${at}: not an integer`);
  if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
  return problems;
}

/** Query and path values arrive as strings (or repeated, as arrays): what their schema allows of them. */
export function parameterProblems(parameter: Parameter, value: string | string[] | undefined): string[] {
  const at = `${parameter.in} ${parameter.name}`;
  if (value === undefined) return parameter.required ? [`${at}: required`] : [];
  const schema = resolve(parameter.schema);
  // A repeated query parameter has no meaning the document gives (servers take one): not judged, only sent.
  if (Array.isArray(value)) return [];
  if (schema.type === 'number' || schema.type === 'integer') {
    return NUMBER.test(value) ? schemaProblems(schema, Number(value), at) : [`${at}: not a number`];
  }
  if (schema.type === 'boolean') return value === 'true' || value === 'false' ? [] : [`${at}: not a boolean`];
  return schemaProblems(schema, value, at);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1])) return false;
  const [hour, minute, second] = [match[2], match[3], match[4]].map(Number);
  const offsetOk = match[7] === undefined || (Number(match[7]) < 24 && Number(match[8]) < 60);
  return hour < 24 && minute < 60 && second < 60 && offsetOk;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
