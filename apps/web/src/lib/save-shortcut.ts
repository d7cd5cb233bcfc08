import type { KeyboardEvent } from 'react';

/** Ctrl+S, or Cmd+S on a Mac: advisers save as they type, without reaching for the mouse. */
export const isSaveShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';

/** A form's onKeyDown: the save shortcut sends the form instead of saving the web page. */
export function sendOnSaveShortcut(event: KeyboardEvent<HTMLFormElement>): void {
  if (!isSaveShortcut(event)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
