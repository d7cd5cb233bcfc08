import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'layers/imports').map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['apps/web/src/features/account/x.tsx', "export { roleOptions } from '../users/role-options';", 'must not import feature "users"'],
    ['apps/web/src/lib/x.ts', "export { appRouter } from '@harbour/server/router';", 'only types from the server'],
    ['apps/web/src/components/ui/x.tsx', "export { StaffPage } from '../../features/users/staff-page';", 'no domain knowledge'],
    ['apps/server/src/features/auth/x.ts', "export { findStaff } from '../users/users.queries';", 'only through its service'],
    ['apps/server/src/features/users/users.router2.ts', "export { findStaff } from './users.queries';", "own feature's service"],
    ['packages/shared/src/x.ts', "export { createApp } from '../../../apps/server/src/app';", 'must not import from apps/'],
    ['packages/shared/src/x.ts', "export { randomUUID } from 'node:crypto';", 'no Node modules'],
  ])('refuses %s importing across a layer', async (file, code, expected) => {
    const problems = await layerProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it.each([
    ['apps/web/src/lib/x.ts', "export type { AppRouter } from '@harbour/server/router';"],
    ['apps/server/src/features/auth/x.ts', "export { checkCredentials } from '../users/users.service';"],
    ['apps/server/src/features/users/users.service2.service.ts', "export { findStaff } from './users.queries';"],
    ['apps/web/src/app/routes/x.tsx', "export { StaffPage } from '../../features/users/staff-page';"],
  ])('allows %s to import along the layers', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});
