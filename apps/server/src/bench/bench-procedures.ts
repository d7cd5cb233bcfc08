import { caseListSorts, type CaseListInput } from '@harbour/shared/case-record';
import { riskLevels } from '@harbour/shared/assessment';
import { caseStages } from '@harbour/shared/cases';
import type { BoardColumnInput } from '@harbour/shared/pipeline';
import pg from 'pg';
import superjson from 'superjson';

/** Who calls a procedure: advisers for most, a team lead for the pipeline board. */
export type BenchRole = 'adviser' | 'team_lead';

export interface HotProcedure {
  name: string;
  role: BenchRole;
  /** Request paths, as the web's batching link sends them, cycled through by the load. */
  paths: string[];
}

/** The URL path the web's httpBatchLink asks for one query (a batch of one, superjson input). */
export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;
}

/** A fixed-seed generator, so two runs ask for the same things. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface BenchInputs {
  hot: HotProcedure[];
  /** The search mix at 8 connections, by kind, each a request path. */
  searchMix: Array<{ kind: string; path: string }>;
  /** A real case reference for the front-end measurement. */
  sampleReference: string;
}

/** Real inputs from the bench database: references, names, phones and emails that exist. */
export async function benchInputs(databaseUrl: string, sizes: { references: number; searchTerms: number }): Promise<BenchInputs> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'harbour-bench' });
  await client.connect();
  try {
    // A fixed seed for the sample too, so two runs read the same cases.
    await client.query('select setseed(0.42)');
    const { rows: sample } = await client.query<{ reference: string; client_name: string | null; caller_name: string; phone_e164: string; email: string | null }>(
      `select reference, client_name, caller_name, phone_e164, email
         from cases tablesample bernoulli (1) repeatable (42)
        where erased_at is null
        limit $1`,
      [Math.max(sizes.references, sizes.searchTerms)],
    );
    const { rows: advisers } = await client.query<{ id: string }>(`select id from users where email like 'bench-adviser-%' order by email limit 20`);
    if (sample.length === 0 || advisers.length === 0) throw new Error('The bench database holds no cases or no bench staff: run `pnpm bench:data` first');
    const random = seeded(9);

    const references = sample.slice(0, sizes.references).map((row) => row.reference);

    const lists: CaseListInput[] = [];
    for (let index = 0; index < 60; index++) {
      const filter = index % 4;
      lists.push({
        scope: 'all',
        stage: filter === 0 || filter === 3 ? pick(random, caseStages) : undefined,
        risk: filter === 1 || filter === 3 ? pick(random, riskLevels) : undefined,
        adviserId: filter === 2 ? pick(random, advisers).id : undefined,
        sort: pick(random, caseListSorts).value,
        page: 1 + Math.floor(random() * 3),
      });
    }

    // The board loads page 1 of every column with pipeline.board; a column asks for page 2 on.
    const columns: BoardColumnInput[] = [];
    for (let index = 0; index < 40; index++) {
      const filter = index % 3;
      columns.push({
        stage: pick(random, caseStages),
        filters: filter === 0 ? {} : filter === 1 ? { risk: pick(random, riskLevels) } : { adviserId: pick(random, advisers).id },
        page: 2 + Math.floor(random() * 3),
      });
    }

    const searchMix = searchTerms(sample.slice(0, sizes.searchTerms), random).map(({ kind, term }) => ({ kind, path: trpcQueryPath('cases.search', { query: term }) }));

    return {
      hot: [
        { name: 'callbacks.queue', role: 'adviser', paths: [trpcQueryPath('callbacks.queue', undefined)] },
        { name: 'cases.byReference', role: 'adviser', paths: references.map((reference) => trpcQueryPath('cases.byReference', { reference })) },
        { name: 'cases.list', role: 'adviser', paths: lists.map((input) => trpcQueryPath('cases.list', input)) },
        { name: 'cases.search', role: 'adviser', paths: searchMix.map((entry) => entry.path) },
        { name: 'pipeline.column', role: 'team_lead', paths: columns.map((input) => trpcQueryPath('pipeline.column', input)) },
      ],
      searchMix,
      sampleReference: references[0]!,
    };
  } finally {
    await client.end();
  }
}

/** A typo a person makes: two neighbouring letters swapped, somewhere past the first. */
function withTypo(name: string, random: () => number): string {
  const letters = [...name];
  const candidates = letters.map((_, index) => index).filter((index) => index > 0 && /\p{L}/u.test(letters[index]!) && /\p{L}/u.test(letters[index + 1] ?? ''));
  if (candidates.length === 0) return name;
  const at = pick(random, candidates);
  [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  return letters.join('');
}

/** The ways people type a UK mobile number into a search box. */
function phoneFormats(e164: string): string[] {
  const national = e164.startsWith('+44') ? `0${e164.slice(3)}` : e164;
  return [national, `${national.slice(0, 5)} ${national.slice(5)}`, `${e164.slice(0, 3)} ${e164.slice(3, 7)} ${e164.slice(7)}`, e164];
}

const THREE_LETTER_TERMS = ['ann', 'pat', 'kha', 'lee', 'ali', 'jon'];

function searchTerms(
  sample: Array<{ reference: string; client_name: string | null; caller_name: string; phone_e164: string; email: string | null }>,
  random: () => number,
): Array<{ kind: string; term: string }> {
  const terms: Array<{ kind: string; term: string }> = [];
  sample.forEach((row, index) => {
    const name = row.client_name ?? row.caller_name;
    const surname = name.split(' ').at(-1) ?? name;
    switch (index % 7) {
      case 0:
        terms.push({ kind: 'reference', term: index % 2 ? row.reference : row.reference.replaceAll('-', '').toLowerCase() });
        break;
      case 1:
        terms.push({ kind: 'full name with a typo', term: withTypo(name, random) });
        break;
      case 2:
        terms.push({ kind: 'surname', term: surname });
        break;
      case 3:
        terms.push({ kind: 'three letters', term: THREE_LETTER_TERMS[Math.floor(index / 7) % THREE_LETTER_TERMS.length]! });
        break;
      case 4:
      case 5:
        terms.push({ kind: 'phone', term: pick(random, phoneFormats(row.phone_e164)) });
        break;
      default:
        terms.push(row.email ? { kind: 'email', term: index % 2 ? row.email : row.email.toUpperCase() } : { kind: 'full name', term: name });
    }
  });
  return terms;
}
