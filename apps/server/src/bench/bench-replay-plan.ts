import type { ReplayPlan, ReplayStep, ReplayUnit } from './bench-floor';
import type { HotProcedure, BenchRole } from './bench-procedures';
import type { CapturedStatement, WireCapture } from './bench-wire-capture';

/**
 * Groups one request's statements as Harbour ran them: a transaction (begin to commit on one
 * connection) is one unit; units sent before the previous one finished ran at the same time.
 */
export function stepsOf(statements: CapturedStatement[]): ReplayStep[] {
  const units: Array<{ statements: CapturedStatement[]; sentAt: number; doneAt: number }> = [];
  const openTransactions = new Map<number, (typeof units)[number]>();
  for (const statement of statements) {
    const keyword = statement.text.trim().split(/\s+/)[0]!.toLowerCase();
    const open = openTransactions.get(statement.connection);
    if (open) {
      open.statements.push(statement);
      open.doneAt = statement.doneAt;
      if (keyword === 'commit' || keyword === 'rollback') openTransactions.delete(statement.connection);
      continue;
    }
    const unit = { statements: [statement], sentAt: statement.sentAt, doneAt: statement.doneAt };
    units.push(unit);
    if (keyword === 'begin' || keyword === 'start') openTransactions.set(statement.connection, unit);
  }
  const steps: Array<{ units: ReplayUnit[]; firstDoneAt: number }> = [];
  for (const unit of units) {
    const replay: ReplayUnit = unit.statements.map(({ text, values }) => ({ text, values }));
    const current = steps.at(-1);
    if (current && unit.sentAt < current.firstDoneAt) {
      current.units.push(replay);
      current.firstDoneAt = Math.min(current.firstDoneAt, unit.doneAt);
    } else {
      steps.push({ units: [replay], firstDoneAt: unit.doneAt });
    }
  }
  return steps.map((step) => step.units);
}

/** Statements of the connection Harbour keeps for LISTEN, which no request runs. */
const isListenerChatter = (statement: CapturedStatement) => /^\s*(un)?listen\b/i.test(statement.text);

/**
 * Asks Harbour (running through the capture relay) for every path once, one at a time, and
 * records the statements each ran: the floor's plan.
 */
export async function capturePlan(
  baseUrl: string,
  capture: WireCapture,
  cookies: Record<BenchRole, string>,
  procedures: Array<Pick<HotProcedure, 'name' | 'role' | 'paths'>>,
): Promise<{ plan: ReplayPlan; statementsPerRequest: Record<string, number> }> {
  const plan: ReplayPlan = {};
  const statementsPerRequest: Record<string, number> = {};
  for (const procedure of procedures) {
    let total = 0;
    for (const path of new Set(procedure.paths)) {
      capture.take();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookies[procedure.role] } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${procedure.name} answered HTTP ${response.status} while capturing its SQL`);
      // The last ReadyForQuery can reach the relay just after the response reaches us.
      await new Promise((resolve) => setTimeout(resolve, 2));
      const statements = capture.take().filter((statement) => !isListenerChatter(statement));
      plan[path] = stepsOf(statements);
      total += statements.length;
    }
    statementsPerRequest[procedure.name] = Math.round((total / new Set(procedure.paths).size) * 10) / 10;
  }
  return { plan, statementsPerRequest };
}
