import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The command a production install uses for its first manager, run as an operator would:
// a real process, the password on standard input, against a database of its own.

const dataDir = mkdtempSync(path.join(tmpdir(), 'harbour-add-staff-'));
const script = path.join(import.meta.dirname, 'add-staff.ts');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function addStaff(args: string[], password: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HARBOUR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', HARBOUR_ORIGIN: 'https://harbour.example.org', HARBOUR_SECRET_KEY: 'a production key of at least thirty-two characters' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(`${password}\n`);
  });
}

describe('pnpm staff:add', () => {
  it('adds the first manager, refuses a second account with the same email, and names the field of a weak password', async () => {
    const weak = await addStaff(['--email', 'grace@example.org', '--name', 'Grace Owusu'], 'too short');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('password: Password must be at least 12 characters');

    const added = await addStaff(['--email', 'Grace@Example.org', '--name', 'Grace Owusu'], 'a long enough passphrase 42');
    expect(added.output).toContain('Added Grace Owusu (grace@example.org) as manager.');
    expect(added.code).toBe(0);

    const again = await addStaff(['--email', 'grace@example.org', '--name', 'Grace Owusu', '--role', 'adviser'], 'another long passphrase 7');
    expect(again.code).toBe(1);
    expect(again.output).toContain('A colleague with this email already has an account');
    expect(again.output).not.toMatch(/\bat .*\.ts:\d+/);
  }, 120_000);

  it('explains how it is used when the email or name is missing', async () => {
    const result = await addStaff(['--email', 'someone@example.org'], 'a long enough passphrase 42');
    expect(result.code).toBe(1);
    expect(result.output).toContain('Usage: add-staff --email');
  });
});
