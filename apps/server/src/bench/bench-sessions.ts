import type { BenchRole } from './bench-procedures';

export const BENCH_PASSWORD = 'harbour-bench-password';

export const BENCH_STAFF: Record<BenchRole, string> = {
  adviser: 'bench-adviser-001@harbour.test',
  // The pipeline board is a team lead's view.
  team_lead: 'bench-lead-001@harbour.test',
};

/**
 * Signs in through Harbour's own sign-in, as the browser does, and returns the Cookie header
 * to send. The session is a real one in the sessions table, so every benchmarked request pays
 * for the session look-up as a signed-in person's would.
 */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.login?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ 0: { json: { email, password: BENCH_PASSWORD } } }),
  });
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.includes('harbour_session='));
  if (!response.ok || !setCookie) {
    throw new Error(`Signing in as ${email} failed (HTTP ${response.status}): are the bench staff there? Run \`pnpm bench:data\`.`);
  }
  return setCookie.split(';')[0]!;
}

export async function signInBenchStaff(baseUrl: string): Promise<Record<BenchRole, string>> {
  return { adviser: await signIn(baseUrl, BENCH_STAFF.adviser), team_lead: await signIn(baseUrl, BENCH_STAFF.team_lead) };
}
