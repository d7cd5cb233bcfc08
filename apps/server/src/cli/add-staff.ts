import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createUserSchema } from '@harbour/shared/users';
import { TRPCError } from '@trpc/server';
import { migrateToLatest } from '../db/migrate';
import { openConfiguredDatabase } from '../db/open';
import { parseEnv } from '../env';
import { createLogger } from '../logger';
import { createStaffMember } from '../features/users/users.service';

// The way in for the first manager of a production Harbour, which creates no demo staff:
//   node apps/server/dist/add-staff.js --email grace@example.org --name "Grace Owusu" --role manager
// The password is asked for (not echoed) or read from the first line of standard input, so it
// never sits in shell history or the process list. Everyone after the first is added on the
// Staff page by a manager.

const usage = 'Usage: add-staff --email <address> --name "<full name>" [--role adviser|team_lead|manager]';

function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const input = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed; readline calls _writeToOutput for each keystroke.
    (input as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      if (text.startsWith(prompt)) process.stdout.write(prompt);
    };
    input.question(prompt, (answer) => {
      input.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPipedLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function askForPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedLine();
  const first = await readHiddenLine('New password (at least 12 characters): ');
  const again = await readHiddenLine('The same password again: ');
  if (first !== again) fail('The two passwords differ: nothing was created.');
  return first;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'manager' } },
  strict: true,
});
if (!values.email || !values.name) fail(usage);

const parsed = createUserSchema.safeParse({ email: values.email, fullName: values.name, role: values.role, password: await askForPassword() });
if (!parsed.success) {
  fail(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
}

const env = parseEnv(process.env);
const database = await openConfiguredDatabase(env, createLogger(env.LOG_LEVEL));
let refusal: string | null = null;
try {
  await migrateToLatest(database.db);
  const created = await createStaffMember(database.db, { userId: null, requestId: 'add-staff-cli' }, parsed.data);
  console.log(`Added ${created.fullName} (${created.email}) as ${created.role.replace('_', ' ')}.`);
} catch (error) {
  // Messages written for people (a taken email, a common password) are shown as they are.
  if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
  refusal = error.message;
} finally {
  await database.close();
}
if (refusal) fail(refusal);
