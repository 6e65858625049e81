import type { ErrorCode, Issue } from '@shared/result';

/** Codes only the client produces: the request never got an answer. */
export type ClientErrorCode = 'NETWORK';
export type FailureCode = ErrorCode | ClientErrorCode;

export const NETWORK_MESSAGE = '网络连接失败，请稍后重试';

/** An action answered `{ ok: false }` (or never answered). `message` is Chinese and fit to show as is. */
export class ApiFailure extends Error {
  readonly code: FailureCode;
  readonly issues: Issue[];

  constructor(code: FailureCode, message: string, issues: Issue[] = []) {
    super(message);
    // Transpiled to ES5 for old WeChat engines, `extends Error` loses its prototype without this.
    Object.setPrototypeOf(this, ApiFailure.prototype);
    this.name = 'ApiFailure';
    this.code = code;
    this.issues = issues;
  }
}

/** The Chinese message to show for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return '出了点问题，请稍后重试';
}
