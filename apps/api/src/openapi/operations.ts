import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Visits every operation of the document, in document order. */
export function forEachOperation(document: OpenAPIObject, visit: (operation: OperationObject, method: HttpMethod, route: string) => void): void {
  for (const [route, pathItem] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) visit(operation, method, route);
    }
  }
}
