import type { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

type Node = SchemaObject & { $ref?: string };

/**
 * Two shapes @nestjs/swagger writes for a property typed by a named enum that OpenAPI 3.0 tools read badly:
 * `{allOf: [{$ref}]}` alone (a composition of one: the reference itself says the same), and `{nullable: true,
 * allOf: [{$ref}]}` without `type` (3.0 applies `nullable` only beside a `type`): the type of the referenced
 * schema is written beside it. Walks every schema of the document without recursion.
 */
export function withTidySchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Node>;
  const typeOf = (reference: string | undefined): SchemaObject['type'] => (reference ? schemas[reference.replace('#/components/schemas/', '')]?.type : undefined);
  const pending: Record<string, unknown>[] = [schemas];
  while (pending.length) {
    const container = pending.pop() as Record<string, unknown>;
    for (const [key, value] of Object.entries(container)) {
      if (typeof value !== 'object' || value === null) continue;
      const node = value as Node;
      const only = node.allOf?.length === 1 ? (node.allOf[0] as Node) : undefined;
      if (only && Object.keys(node).length === 1) container[key] = only;
      else if (only && node.nullable && !node.type) node.type = typeOf(only.$ref);
      pending.push(container[key] as Record<string, unknown>);
    }
  }
  return document;
}
