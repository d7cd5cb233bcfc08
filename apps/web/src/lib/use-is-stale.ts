import { useEffect, useState } from 'react';

/** Whether a live screen's stream of changes is flowing, reconnecting or broken. */
export type Liveness = 'live' | 'connecting' | 'interrupted';

// Long enough to ride out a normal reconnect, short enough that nobody works from a stale screen.
const STALE_AFTER_MS = 5_000;

/** True once updates have not been flowing for a few seconds. */
export function useIsStale(liveness: Liveness): boolean {
  const [isStale, setIsStale] = useState(false);
  useEffect(() => {
    const isLive = liveness === 'live';
    const timer = setTimeout(() => setIsStale(!isLive), isLive ? 0 : STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [liveness]);
  return isStale;
}
