// Loads something from the API for a screen and keeps the result, the error and a reload.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError } from './api';
import { asApiError } from './session';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    setError(null);
    loadRef.current().then(
      (result) => {
        if (!isCurrent) return;
        setData(result);
        setIsLoading(false);
      },
      (reason: unknown) => {
        if (!isCurrent) return;
        setError(asApiError(reason));
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
    // The caller lists what the load depends on (deps); the latest load function is in loadRef.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, isLoading, reload, setData };
}
