import { londonDayOf } from '@harbour/shared/london-day';
import { metricsSchema } from '@harbour/shared/pipeline';
import { fromUkDate, toUkDate } from '@harbour/shared/uk-date';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useZodForm } from '../../lib/form';
import { isIsoDay, lastDays, quickPeriods } from '../../lib/quick-periods';

// The period is in the address (?from=2026-11-01&to=2026-11-30), so a manager can send a
// colleague the exact figures they are looking at.

/** London calendar days, both ends included, as "2026-11-01". */
export interface MetricsPeriod {
  from: string;
  to: string;
}

export type PeriodField = keyof MetricsPeriod;

/**
 * The period the address holds; the last 30 days when it holds none. A day the server would
 * refuse is passed on as it is, so the refusal is shown at the field it concerns.
 */
function periodFrom(search: URLSearchParams, today: string): MetricsPeriod {
  const read = (name: PeriodField) => {
    const text = search.get(name)?.trim();
    return text ? fromUkDate(text) : undefined;
  };
  const from = read('from');
  const to = read('to');
  if (from && to) return { from, to };
  if (from) return { from, to: today };
  if (to) return lastDays(30, isIsoDay(to) ? to : today);
  return lastDays(30, today);
}

export function useMetricsPeriod() {
  const [search, setSearch] = useSearchParams();
  const today = londonDayOf(new Date());
  return {
    period: periodFrom(search, today),
    today,
    choose(next: MetricsPeriod) {
      setSearch((current) => {
        const changed = new URLSearchParams(current);
        changed.set('from', next.from);
        changed.set('to', next.to);
        return changed;
      });
    },
  };
}

/**
 * From and To typed the UK way, checked with the server's own schema, and the quick choices.
 * `serverErrors` are the server's refusals of the period in the address, shown at their fields
 * until the field is changed.
 */
export function MetricsPeriodForm({
  period,
  today,
  serverErrors,
  onChoose,
}: {
  period: MetricsPeriod;
  today: string;
  serverErrors: Partial<Record<PeriodField, string>> | null;
  onChoose: (period: MetricsPeriod) => void;
}) {
  const from = toUkDate(period.from);
  const to = toUkDate(period.to);
  const form = useZodForm(metricsSchema, { from, to });
  const { errors, dirtyFields } = form.formState;

  // A quick choice, a shared link or the back button changed the period: show what it is now.
  useEffect(() => {
    form.reset({ from, to });
  }, [form, from, to]);

  const errorFor = (field: PeriodField) => errors[field]?.message ?? (dirtyFields[field] ? undefined : serverErrors?.[field]);
  const submit = form.handleSubmit((values) => onChoose({ from: values.from, to: values.to }));

  return (
    <form className="metrics-period" aria-label="Period" noValidate onSubmit={(event) => void submit(event)}>
      <div className="metrics-period__quick" role="group" aria-label="Quick choices">
        {quickPeriods(today).map(({ label, period: choice }) => (
          <Button
            key={label}
            variant="secondary"
            aria-pressed={choice.from === period.from && choice.to === period.to}
            onClick={() => onChoose(choice)}
          >
            {label}
          </Button>
        ))}
      </div>
      <div className="filters metrics-period__fields">
        <TextField label="From" hint="For example, 01/11/2026" autoComplete="off" error={errorFor('from')} {...form.register('from')} />
        <TextField label="To" hint="For example, 30/11/2026" autoComplete="off" error={errorFor('to')} {...form.register('to')} />
        <Button type="submit" className="metrics-period__submit">
          Show figures
        </Button>
      </div>
    </form>
  );
}
