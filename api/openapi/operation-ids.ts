/**
 * operationIds for the OpenAPI document, which generated clients turn into method names: derived from
 * method + path so they stay stable as long as the route does (`GET /api/stores/:id` -> `getStoresById`,
 * `POST /api/auth/login` -> `postAuthLogin`), unless a route names its own.
 */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function wordsOf(segment: string): string[] {
  return segment.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

export function operationIdFor(method: string, expressPath: string): string {
  const segments = expressPath
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'api')
    .map((segment) => (segment.startsWith(':') ? `By${capitalised(segment.slice(1))}` : wordsOf(segment).map(capitalised).join('')));
  return `${method.toLowerCase()}${segments.join('')}`;
}

/** Hands out operationIds and refuses a second route under one name (a generated client would lose one of them). */
export class OperationIds {
  private readonly taken = new Map<string, string>();

  claim(operationId: string, route: string): string {
    const holder = this.taken.get(operationId);
    if (holder !== undefined)
      throw new Error(`operationId ${operationId} of ${route} is already used by ${holder}: give one of them an explicit operationId`);
    this.taken.set(operationId, route);
    return operationId;
  }
}
