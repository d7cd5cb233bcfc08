import type { CallbackRequestInput } from '@harbour/shared/callbacks';

// A request typed while Harbour could not be reached waits here until the server has
// acknowledged it. sessionStorage, not localStorage: it survives a reload of the tab (a phone
// dropping its connection, a refresh) but goes when the tab is closed, so a request about
// someone's drinking or drug use is not left on a shared or family computer after they leave.
// It is removed the moment the server acknowledges it.
const STORAGE_KEY = 'harbour:pending-callback-request';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The request still waiting to be sent from this tab, with its idempotency key, or null. */
export function readPendingRequest(): CallbackRequestInput | null {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as CallbackRequestInput;
    if (typeof stored.idempotencyKey !== 'string') return null;
    // JSON has no dates: a chosen time comes back as text.
    if (stored.bestTime?.kind === 'at' && stored.bestTime.at) stored.bestTime = { kind: 'at', at: new Date(stored.bestTime.at) };
    return stored;
  } catch {
    return null;
  }
}

export function keepPendingRequest(values: CallbackRequestInput): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    // Storage full or refused: the request still waits in memory while the page is open.
  }
}

export function clearPendingRequest(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}
