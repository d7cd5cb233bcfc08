import { z } from 'zod';

export const caseIdSchema = z.uuid({ error: 'Unknown case' });

// The version the adviser was looking at; a stale one is a conflict, not an overwrite.
export const caseVersionSchema = z
  .number({ error: 'Reload the case and try again' })
  .int('Reload the case and try again')
  .positive('Reload the case and try again');
