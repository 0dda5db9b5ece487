/** Whether a route's method (or any of its methods) carries a request body: the body hooks go only on such routes. */
export function takesBody(method: string | string[]): boolean {
  return (Array.isArray(method) ? method : [method]).some((m) => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS');
}
