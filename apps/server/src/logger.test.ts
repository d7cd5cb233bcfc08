import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { safeError } from './logger';

describe('error logging', () => {
  it('keeps what a developer needs and drops the row a driver error repeats', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(someone.private@example.org) already exists.',
    });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    pino({ serializers: { err: safeError } }, sink).error({ err: new Error('procedure failed', { cause: driverError }) }, 'failed');

    const logged = lines.join('');
    expect(logged).toContain('23505');
    expect(logged).toContain('users_email_key');
    expect(logged).not.toContain('someone.private@example.org');
  });
});
