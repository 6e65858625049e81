import { ApiFailure } from '../../api/failure';
import type { z, ZodTypeAny } from 'zod';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

interface IssueLike {
  path: readonly (string | number)[];
  message: string;
}

/** The first message of each known field; issues about other paths are left to the general message. */
export function fieldErrorsFromIssues<F extends string>(issues: readonly IssueLike[], fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Field messages of a server INVALID_INPUT answer (e.g. the under-18 message on birthMonth), or undefined. */
export function fieldErrorsOf<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'INVALID_INPUT') return undefined;
  return fieldErrorsFromIssues(error.issues, fields);
}

/** Parses a form's payload with the contract's schema: the typed input, or the first message of each field. */
export function checkWith<S extends ZodTypeAny, F extends string>(
  schema: S,
  payload: unknown,
  fields: readonly F[],
): { ok: true; input: z.output<S> } | { ok: false; errors: FieldErrors<F> } {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, fields) };
}
