import { useEffect, useRef } from 'react';

/**
 * For a button that opens a form in its place: when the form closes (`isOpen` turns false),
 * focus goes back to the button, so a keyboard or screen reader user carries on from where
 * they were rather than from the top of the page. Give the returned ref to the button.
 */
export function useReturnFocus(isOpen: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    if (wasOpen.current && !isOpen) button.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  return button;
}
