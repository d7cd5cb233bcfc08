import { DEFAULT_RETENTION_YEARS } from '@harbour/shared/privacy';
import { z } from 'zod';

/** Only for development and tests: it is in the source code, so production refuses it. */
export const DEVELOPMENT_SECRET_KEY = 'harbour-development-secret-key-not-for-production';

/** An optional PostgreSQL address; an empty value counts as unset. */
const optionalPostgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      error: `${name} must start with postgres:// or postgresql://`,
    });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'NODE_ENV must be development, production or test',
    }).default('development'),
    PORT: z.coerce
      .number({ error: 'PORT must be a number' })
      .int('PORT must be a whole number')
      .min(1, 'PORT must be between 1 and 65535')
      .max(65535, 'PORT must be between 1 and 65535')
      .default(3000),
    DATABASE_URL: optionalPostgresUrl('DATABASE_URL'),
    // LISTEN needs a connection that stays the same: behind PgBouncer in transaction mode, the
    // live changes must listen on a direct address (docs/scaling.md). Defaults to DATABASE_URL.
    DATABASE_LISTEN_URL: optionalPostgresUrl('DATABASE_LISTEN_URL'),
    // A read replica of DATABASE_URL for reports (screen, downloads, dashboards); the rest,
    // and every audit row, stays on the primary (docs/decisions/016).
    DATABASE_REPLICA_URL: optionalPostgresUrl('DATABASE_REPLICA_URL'),
    HARBOUR_DATA_DIR: z.string().trim().min(1, 'HARBOUR_DATA_DIR must not be empty').default('.data'),
    HARBOUR_ORIGIN: z
      .url({ error: 'HARBOUR_ORIGIN must be an origin like https://harbour.example.org' })
      .optional(),
    // Which proxies in front of Harbour to believe about the visitor's address (X-Forwarded-For):
    // Express's "trust proxy" value: loopback, a hop count, or addresses and CIDR ranges.
    HARBOUR_TRUST_PROXY: z
      .string()
      .trim()
      .default('loopback')
      .refine((value) => /^[\w.:/, -]+$/.test(value), {
        error: 'HARBOUR_TRUST_PROXY must be loopback, a number of hops, or a comma-separated list of addresses or CIDR ranges',
      }),
    // Years after a case closes before the daily retention job anonymises it (docs/decisions/011).
    HARBOUR_RETENTION_YEARS: z.coerce
      .number({ error: 'HARBOUR_RETENTION_YEARS must be a number of years' })
      .int('HARBOUR_RETENTION_YEARS must be a whole number of years')
      .min(1, 'HARBOUR_RETENTION_YEARS must be between 1 and 100')
      .max(100, 'HARBOUR_RETENTION_YEARS must be between 1 and 100')
      .default(DEFAULT_RETENTION_YEARS),
    // Seals two-step sign-in keys and keys the hashes of recovery codes (docs/decisions/010).
    // Kept out of the database on purpose; changing it voids everyone's two-step sign-in.
    HARBOUR_SECRET_KEY: z
      .string()
      .trim()
      .min(32, 'HARBOUR_SECRET_KEY must be at least 32 characters: make one with openssl rand -base64 32')
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .transform((env) => {
    const origin = new URL(env.HARBOUR_ORIGIN ?? `http://localhost:${env.PORT}`).origin;
    return { ...env, HARBOUR_ORIGIN: origin, HARBOUR_SECRET_KEY: env.HARBOUR_SECRET_KEY ?? DEVELOPMENT_SECRET_KEY };
  })
  // Production cookies are Secure and __Host- prefixed, which browsers accept only from a
  // secure context: https, or localhost for a trial run in Docker.
  .refine((env) => env.NODE_ENV !== 'production' || isSecureContextOrigin(env.HARBOUR_ORIGIN), {
    error: 'HARBOUR_ORIGIN must be an https:// origin when NODE_ENV=production',
    path: ['HARBOUR_ORIGIN'],
  })
  // The development key is in the source code: a production Harbour with it would protect nothing.
  .refine((env) => env.NODE_ENV !== 'production' || env.HARBOUR_SECRET_KEY !== DEVELOPMENT_SECRET_KEY, {
    error: 'HARBOUR_SECRET_KEY must be set when NODE_ENV=production: make one with openssl rand -base64 32',
    path: ['HARBOUR_SECRET_KEY'],
  })
  // The embedded database has no replica: a replica address without a primary is a mistake.
  .refine((env) => !env.DATABASE_REPLICA_URL || env.DATABASE_URL, {
    error: 'DATABASE_REPLICA_URL needs DATABASE_URL: a replica is a copy of a PostgreSQL primary',
    path: ['DATABASE_REPLICA_URL'],
  });

function isSecureContextOrigin(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'https:' || url.hostname === 'localhost';
}

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // `PORT=` in a shell or an .env file means "not set", not "port zero".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = envSchema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
  throw new InvalidEnvError(`Harbour cannot start: invalid settings\n${problems.join('\n')}`);
}
