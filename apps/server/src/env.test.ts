import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SECRET_KEY, InvalidEnvError, parseEnv } from './env';

const PRODUCTION_KEY = 'a production key of at least thirty-two characters';

function refusal(source: NodeJS.ProcessEnv): InvalidEnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvError) return error;
    throw error;
  }
  throw new Error('Expected the settings to be refused');
}

describe('parseEnv', () => {
  it('runs with no settings at all', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: undefined,
      HARBOUR_DATA_DIR: '.data',
      HARBOUR_ORIGIN: 'http://localhost:3000',
      HARBOUR_TRUST_PROXY: 'loopback',
      HARBOUR_SECRET_KEY: DEVELOPMENT_SECRET_KEY,
      HARBOUR_RETENTION_YEARS: 6,
      LOG_LEVEL: 'info',
    });
  });

  it('keeps closed cases a whole number of years, refusing anything else by name', () => {
    expect(parseEnv({ HARBOUR_RETENTION_YEARS: '8' }).HARBOUR_RETENTION_YEARS).toBe(8);
    expect(refusal({ HARBOUR_RETENTION_YEARS: '0' }).message).toContain('HARBOUR_RETENTION_YEARS: HARBOUR_RETENTION_YEARS must be between 1 and 100');
    expect(refusal({ HARBOUR_RETENTION_YEARS: 'six' }).message).toContain('HARBOUR_RETENTION_YEARS: HARBOUR_RETENTION_YEARS must be a number of years');
    expect(refusal({ HARBOUR_RETENTION_YEARS: '2.5' }).message).toContain('HARBOUR_RETENTION_YEARS must be a whole number of years');
  });

  it('derives the origin from PORT and trims a configured origin to scheme, host and port', () => {
    expect(parseEnv({ PORT: '8080' }).HARBOUR_ORIGIN).toBe('http://localhost:8080');
    expect(parseEnv({ HARBOUR_ORIGIN: 'https://harbour.example.org/sign-in' }).HARBOUR_ORIGIN).toBe('https://harbour.example.org');
  });

  it('treats an empty setting as unset, as `PORT=` in a shell means', () => {
    expect(parseEnv({ PORT: '', HARBOUR_DATA_DIR: ' ' })).toMatchObject({ PORT: 3000, HARBOUR_DATA_DIR: '.data' });
  });

  it('treats an empty DATABASE_URL as unset, so the embedded database is used', () => {
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: 'postgres://harbour@db:5432/harbour' }).DATABASE_URL).toBe('postgres://harbour@db:5432/harbour');
  });

  it.each(['abc', '0', '70000', '80.5'])('refuses PORT=%s, naming PORT', (port) => {
    const error = refusal({ PORT: port });

    expect(error.message).toMatch(/^Harbour cannot start: invalid settings\n/);
    expect(error.message).toMatch(/PORT: PORT must be/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, naming it', () => {
    const error = refusal({ DATABASE_URL: 'mysql://harbour@db/harbour' });

    expect(error.message).toContain('DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://');
  });

  it('takes a separate address for LISTEN (behind PgBouncer) and refuses one that is not PostgreSQL', () => {
    const direct = 'postgres://harbour@db:5432/harbour';
    expect(parseEnv({ DATABASE_URL: 'postgres://harbour@pgbouncer:6432/harbour', DATABASE_LISTEN_URL: direct }).DATABASE_LISTEN_URL).toBe(direct);
    expect(refusal({ DATABASE_LISTEN_URL: 'redis://db' }).message).toContain(
      'DATABASE_LISTEN_URL: DATABASE_LISTEN_URL must start with postgres:// or postgresql://',
    );
  });

  it('takes a read replica for reports only alongside a PostgreSQL primary', () => {
    const replica = 'postgres://harbour@replica:5432/harbour';
    expect(parseEnv({ DATABASE_URL: 'postgres://harbour@db:5432/harbour', DATABASE_REPLICA_URL: replica }).DATABASE_REPLICA_URL).toBe(replica);
    expect(parseEnv({ DATABASE_URL: 'postgres://harbour@db:5432/harbour' }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(refusal({ DATABASE_REPLICA_URL: replica }).message).toContain(
      'DATABASE_REPLICA_URL: DATABASE_REPLICA_URL needs DATABASE_URL: a replica is a copy of a PostgreSQL primary',
    );
    expect(refusal({ DATABASE_URL: 'postgres://harbour@db:5432/harbour', DATABASE_REPLICA_URL: 'mysql://replica' }).message).toContain(
      'DATABASE_REPLICA_URL: DATABASE_REPLICA_URL must start with postgres:// or postgresql://',
    );
  });

  it('lists every bad setting at once', () => {
    const error = refusal({ PORT: 'abc', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });

    expect(error.message).toContain('PORT:');
    expect(error.message).toContain('LOG_LEVEL:');
    expect(error.message).toContain('NODE_ENV:');
  });

  it('refuses a plain-http origin in production unless it is localhost', () => {
    const error = refusal({ NODE_ENV: 'production', HARBOUR_ORIGIN: 'http://harbour.example.org' });

    expect(error.message).toContain('HARBOUR_ORIGIN: HARBOUR_ORIGIN must be an https:// origin when NODE_ENV=production');
    expect(parseEnv({ NODE_ENV: 'production', HARBOUR_ORIGIN: 'https://harbour.example.org', HARBOUR_SECRET_KEY: PRODUCTION_KEY }).HARBOUR_ORIGIN).toBe(
      'https://harbour.example.org',
    );
    expect(parseEnv({ NODE_ENV: 'production', HARBOUR_SECRET_KEY: PRODUCTION_KEY }).HARBOUR_ORIGIN).toBe('http://localhost:3000');
  });

  it('needs a secret key of its own in production, and uses the development key only outside it', () => {
    expect(refusal({ NODE_ENV: 'production' }).message).toContain('HARBOUR_SECRET_KEY: HARBOUR_SECRET_KEY must be set when NODE_ENV=production');
    expect(refusal({ NODE_ENV: 'production', HARBOUR_SECRET_KEY: DEVELOPMENT_SECRET_KEY }).message).toContain('HARBOUR_SECRET_KEY must be set');
    expect(refusal({ HARBOUR_SECRET_KEY: 'too short' }).message).toContain('HARBOUR_SECRET_KEY must be at least 32 characters');
    expect(parseEnv({ NODE_ENV: 'production', HARBOUR_SECRET_KEY: PRODUCTION_KEY }).HARBOUR_SECRET_KEY).toBe(PRODUCTION_KEY);
    expect(parseEnv({ NODE_ENV: 'development' }).HARBOUR_SECRET_KEY).toBe(DEVELOPMENT_SECRET_KEY);
  });
});
