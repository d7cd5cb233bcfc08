// For tests: what a form would show for a safeParse result.

/** Each field's first message, keyed by its path as the server's error formatter keys it. */
export function errorsOf(result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}
