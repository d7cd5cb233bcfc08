import type { ComponentProps } from 'react';
import { TextField } from './text-field';

/**
 * A code typed from an authenticator app (or a recovery code): the browser and the phone's
 * keyboard offer codes from messages, the cursor starts here, and nothing is "corrected".
 */
export function CodeField({ label = 'Code from your app', inputMode = 'numeric', ...props }: Partial<Pick<ComponentProps<typeof TextField>, 'label'>> & Omit<ComponentProps<typeof TextField>, 'label'>) {
  return <TextField label={label} autoComplete="one-time-code" inputMode={inputMode} autoFocus spellCheck={false} autoCapitalize="off" {...props} />;
}
