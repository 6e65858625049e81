import { ERROR_MESSAGES, type ErrorCode, type Issue } from '@shared/result';

/** The one error type use cases throw; only the entries turn it into an ApiResult. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what}不存在或已删除`);
