/** Puts the server's field problems on the form's fields, so what was typed stays and the reason shows beside it. */
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../http';

/**
 * `fieldMap` maps the API's field names to the form's; problems on other fields, or a refusal
 * without fields, are shown on `fallback` (or returned for the caller to show).
 */
export function applyFieldErrors(
  form: FormInstance,
  error: ApiError,
  fieldMap: Record<string, string | (string | number)[]> = {},
  fallback?: string
): string | undefined {
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const problem of error.fields) {
    const name =
      fieldMap[problem.field] ?? (form.getFieldInstance(problem.field) !== undefined ? problem.field : undefined);
    if (name === undefined) unplaced.push(problem.message);
    else byField.set(JSON.stringify(name), [...(byField.get(JSON.stringify(name)) ?? []), problem.message]);
  }
  if (error.fields.length === 0) unplaced.push(error.message);
  if (fallback && unplaced.length) {
    byField.set(JSON.stringify(fallback), [...(byField.get(JSON.stringify(fallback)) ?? []), ...unplaced]);
    unplaced.length = 0;
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: JSON.parse(name) as (string | number)[], errors })));
  return unplaced.length ? unplaced.join('；') : undefined;
}

/**
 * A form's submission: `busy` while it runs, and the server's refusal placed on the fields (or in
 * `refusal` when it names none), keeping what was typed.
 */
export function useFormSubmission(form: FormInstance) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const submitting = async (send: () => Promise<void>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await send();
    } catch (error) {
      if (error instanceof ApiError) setRefusal(applyFieldErrors(form, error));
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return { busy, refusal, setRefusal, submitting };
}
