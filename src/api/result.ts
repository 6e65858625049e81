import type { ApiResult } from '@shared/result';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the outer shape of what came back; the data itself is trusted to match the contract. */
export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok === false) {
    const error = value.error;
    return isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string';
  }
  return false;
}
