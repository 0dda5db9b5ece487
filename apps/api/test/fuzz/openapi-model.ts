import fs from 'node:fs';
import path from 'node:path';

/** The subset of OpenAPI 3.0 schema objects the committed document uses (checked by the fuzz suite's own test). */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  /** Media type and schema of the request body, if the operation takes one. */
  body?: { mediaType: string; schema: Schema; required: boolean };
  /** "POST /api/products": the name tests and failure messages use. */
  name: string;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

/** The committed document, which the drift test keeps equal to what the API serves. */
const document = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../libs/api-client/openapi.json'), 'utf8')) as Document;
const schemas = document.components.schemas;

/** Follows a `#/components/schemas/X` reference. */
export function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = schemas[name];
  if (!target) throw new Error(`Unknown schema ${schema.$ref}`);
  return resolve(target);
}

/** Every operation of the committed document, in document order. */
export function operations(): Operation[] {
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const content = raw.requestBody ? Object.entries(raw.requestBody.content)[0] : undefined;
      return {
        method: method.toUpperCase() as Operation['method'],
        path: route,
        parameters: raw.parameters ?? [],
        body: content ? { mediaType: content[0], schema: content[1].schema, required: raw.requestBody?.required ?? false } : undefined,
        name: `${method.toUpperCase()} ${route}`,
      };
    }),
  );
}
