import { londonDayOf } from '@harbour/shared/london-day';
import type { PlacementReportFiltersInput } from '@harbour/shared/reports';
import { useSearchParams } from 'react-router';
import { quickPeriods } from '../../lib/quick-periods';

// The report's filters and page live in the address (?periodBy=admission&from=2026-10-01…), so
// a manager can bookmark "last month by admission" or send a colleague exactly what they see.

export const filterNames = ['periodBy', 'from', 'to', 'clinicId', 'region', 'adviserId', 'fundingRoute', 'substance', 'outcome'] as const;
export type FilterName = (typeof filterNames)[number];
export type ReportFilterValues = Record<FilterName, string>;

/** Last month by admission date: what a manager reports on at the start of a month. */
export function defaultReportFilters(today: string): ReportFilterValues {
  const lastMonth = quickPeriods(today).find((choice) => choice.label === 'Last month')!.period;
  return { periodBy: 'admission', from: lastMonth.from, to: lastMonth.to, clinicId: '', region: '', adviserId: '', fundingRoute: '', substance: '', outcome: '' };
}

export function useReportFilters() {
  const [search, setSearch] = useSearchParams();
  const today = londonDayOf(new Date());
  const defaults = defaultReportFilters(today);
  const hasPeriod = search.has('from') || search.has('to');
  // What the address holds, passed to the server as it is: a day it refuses is shown at its field.
  const values = Object.fromEntries(
    filterNames.map((name) => [name, search.get(name) ?? (hasPeriod && (name === 'from' || name === 'to') ? '' : defaults[name])]),
  ) as ReportFilterValues;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);

  return {
    today,
    values,
    filters: values as PlacementReportFiltersInput,
    page,
    apply(next: Partial<ReportFilterValues>) {
      setSearch(() => {
        const changed = new URLSearchParams();
        for (const name of filterNames) {
          const value = next[name] ?? '';
          if (value !== '') changed.set(name, value);
        }
        return changed;
      });
    },
    goToPage(next: number) {
      setSearch((current) => {
        const changed = new URLSearchParams(current);
        if (next <= 1) changed.delete('page');
        else changed.set('page', String(next));
        return changed;
      });
    },
  };
}
