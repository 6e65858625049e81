import { useEffect, useState } from 'react';
import type { FieldErrors } from './fieldErrors';

/** What a form's validator answers: the checked payload, or one message per field. */
export type Checked<C extends { ok: true }, F extends string> = C | { ok: false; errors: FieldErrors<F> };

export interface ZodFormOptions<V, F extends string> {
  initial: V | (() => V);
  /** Field messages from the server's INVALID_INPUT answer; shown when they arrive. */
  serverErrors?: FieldErrors<F>;
  /** While sending, a second tap does nothing. */
  busy: boolean;
  /** The messages a change to this value clears, when they are not just its own (面议 clears both salaries). */
  clears?: (field: keyof V) => readonly F[];
}

/** Values, per-field messages and submit of a form checked by the contract's zod schema before anything is sent. */
export function useZodForm<V extends object, F extends string>({ initial, serverErrors, busy, clears }: ZodFormOptions<V, F>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});

  useEffect(() => {
    if (serverErrors) setErrors(serverErrors);
  }, [serverErrors]);

  const setError = (field: F, message: string | undefined) => setErrors((e) => ({ ...e, [field]: message }));

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    const cleared: readonly PropertyKey[] = clears ? clears(field) : [field];
    setErrors((e) => ({ ...e, ...Object.fromEntries(cleared.map((f) => [f, undefined])) }));
  };

  const submit = <C extends { ok: true }>(check: (values: V) => Checked<C, F>, send: (checked: C) => void, onInvalid?: () => void) => {
    if (busy) return;
    const checked = check(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      onInvalid?.();
      return;
    }
    setErrors({});
    send(checked);
  };

  return { values, setValues, errors, setError, set, submit };
}
