// Keeps keyboard users in place when the control they used disappears after the action.
import { useEffect, useRef } from 'react';

/** Focus for what replaces a control that disappeared after it was used (keyboard users stay in place). */
export function useFocusWhenBecomes<T extends HTMLElement = HTMLParagraphElement>(condition: boolean) {
  const ref = useRef<T>(null);
  const was = useRef(condition);
  useEffect(() => {
    if (condition && !was.current) ref.current?.focus();
    was.current = condition;
  }, [condition]);
  return ref;
}
