import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delayMs`: for look-ups while someone types. */
export function useDebounced<Value>(value: Value, delayMs = 400): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
