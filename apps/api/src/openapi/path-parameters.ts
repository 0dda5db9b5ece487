import type { OpenAPIObject } from '@nestjs/swagger';
import { forEachOperation } from './operations';
import type { RouteFacts } from './route-access';

/** Path parameters as the route's pipes check them: `{id}` is a UUID (400 otherwise), a version a whole number. */
export function withPathParameterSchemas(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  forEachOperation(document, (operation) => {
    const schemas = operation.operationId ? routes.get(operation.operationId)?.pathParameterSchemas : undefined;
    for (const parameter of operation.parameters ?? []) {
      if ('$ref' in parameter || parameter.in !== 'path' || !schemas?.[parameter.name]) continue;
      parameter.schema = { ...parameter.schema, ...schemas[parameter.name] };
    }
  });
  return document;
}
