import { isProblemDocument } from '@skinledger/api-client';
import { ApiError, NetworkError } from './ApiError';

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function settle<T>(call: Promise<ClientResult<T>>): Promise<ClientResult<T>> {
  try {
    return await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
}

function toError(result: ClientResult<unknown>): ApiError {
  return new ApiError(result.response.status, isProblemDocument(result.error) ? result.error : undefined);
}

/** Awaits an openapi-fetch call and returns its body, or throws ApiError / NetworkError. */
export async function request<T>(call: Promise<ClientResult<T>>): Promise<T> {
  const result = await settle(call);
  if (!result.response.ok || result.data === undefined) throw toError(result);
  return result.data;
}

/** For answers without a body (204). */
export async function requestNoContent(call: Promise<ClientResult<unknown>>): Promise<void> {
  const result = await settle(call);
  if (!result.response.ok) throw toError(result);
}
