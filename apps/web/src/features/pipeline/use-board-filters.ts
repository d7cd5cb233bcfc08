import { boardFiltersSchema, type BoardFilters } from '@harbour/shared/pipeline';
import { useSearchParams } from 'react-router';

// The address holds the filters, so a team lead can send a colleague the exact view they see.
const params = {
  adviserId: 'adviser',
  region: 'region',
  substance: 'substance',
  risk: 'risk',
  fundingRoute: 'funding',
  minDaysInStage: 'days',
  noNextAction: 'no-next-action',
  nextActionOverdue: 'overdue',
} as const satisfies Record<keyof BoardFilters, string>;

type FilterKey = keyof BoardFilters;
const keys = Object.keys(params) as FilterKey[];

/** Reads one filter from the address; a value the server would refuse is left out, not sent. */
function readFilter(key: FilterKey, text: string | null): unknown {
  if (text === null || text === '') return undefined;
  const value = key === 'minDaysInStage' ? Number(text) : key === 'noNextAction' || key === 'nextActionOverdue' ? text === 'yes' || undefined : text;
  const parsed = boardFiltersSchema.shape[key].safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function writeFilter(value: BoardFilters[FilterKey]): string | undefined {
  if (value === undefined || value === false || value === '') return undefined;
  return value === true ? 'yes' : String(value);
}

function filtersFrom(search: URLSearchParams): BoardFilters {
  const filters: Record<string, unknown> = {};
  for (const key of keys) {
    const value = readFilter(key, search.get(params[key]));
    if (value !== undefined) filters[key] = value;
  }
  return filters as BoardFilters;
}

export function useBoardFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  return {
    filters,
    isFiltered: keys.some((key) => filters[key] !== undefined),
    // From the latest address, not this render's: a typed number lands a moment after it is typed.
    change(changes: Partial<BoardFilters>) {
      setSearch((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes) as Array<[FilterKey, BoardFilters[FilterKey]]>) {
          const text = writeFilter(value);
          if (text === undefined) next.delete(params[key]);
          else next.set(params[key], text);
        }
        return next;
      });
    },
  };
}
