// The life of one of these forms: values, the problems the form finds itself (in the interface
// language) before anything is sent, the server's answer, and focus moved to the first field to
// fix so a keyboard or screen-reader user lands where the work is.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { asApiError } from '../../session';

export type Problems<K extends string> = Partial<Record<K, string>>;

export function useCheckedForm<V extends object, K extends string>(initial: V, check: (values: V) => Problems<K>, send: (values: V) => Promise<void>) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems<K>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (Object.keys(problems).length || error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset.field-invalid input')?.focus();
  }, [problems, error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = check(values);
    setProblems(found);
    if (Object.keys(found).length) return;
    setIsBusy(true);
    try {
      await send(values);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return {
    values,
    set: (changes: Partial<V>) => setValues((v) => ({ ...v, ...changes })),
    reset: () => setValues(initial),
    problems,
    hasProblems: Object.keys(problems).length > 0,
    error,
    isBusy,
    formRef,
    onSubmit: (event: FormEvent) => void submit(event),
    /** The form's own message for a field, else the server's (its field path may differ). */
    fieldError: (name: K, serverName: string = name) => problems[name] ?? error?.fieldError(serverName),
  };
}
