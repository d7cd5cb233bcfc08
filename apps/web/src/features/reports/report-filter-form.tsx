import { fundingRouteOptions } from '@harbour/shared/assessment';
import { regions } from '@harbour/shared/regions';
import { placementReportFiltersSchema, reportOutcomeOptions, reportPeriodByOptions } from '@harbour/shared/reports';
import { substances } from '@harbour/shared/substances';
import { fromUkDate, toUkDate } from '@harbour/shared/uk-date';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useZodForm } from '../../lib/form';
import { quickPeriods } from '../../lib/quick-periods';
import { useTRPC } from '../../lib/trpc';
import type { FilterName, ReportFilterValues } from './use-report-filters';

const substanceOptions = substances.map((substance) => ({ value: substance.id, label: substance.label }));
const QUICK_CHOICES = ['This month', 'Last month'];

/** The filters as the form shows them: days the UK way. */
const shownValues = (values: ReportFilterValues): ReportFilterValues => ({ ...values, from: toUkDate(values.from), to: toUkDate(values.to) });

/**
 * The period and the filters, checked with the server's own schema when sent. `serverErrors`
 * are the server's refusals of what the address holds, shown at their fields until changed.
 */
export function ReportFilterForm({
  values,
  today,
  serverErrors,
  onApply,
}: {
  values: ReportFilterValues;
  today: string;
  serverErrors: Partial<Record<FilterName, string>>;
  onApply: (values: ReportFilterValues) => void;
}) {
  const trpc = useTRPC();
  const clinics = useQuery(trpc.clinics.list.queryOptions({}));
  const staff = useQuery(trpc.users.listActive.queryOptions());
  const form = useZodForm(placementReportFiltersSchema, shownValues(values));
  const { errors, dirtyFields } = form.formState;

  // A quick choice, a shared link or the back button changed the filters: show them. Again
  // once the clinics and staff arrive, since a list cannot show a choice it does not hold yet.
  const key = JSON.stringify(values);
  const areListsLoaded = clinics.isSuccess && staff.isSuccess;
  useEffect(() => {
    form.reset(shownValues(JSON.parse(key) as ReportFilterValues));
  }, [form, key, areListsLoaded]);

  const errorFor = (field: FilterName) => errors[field]?.message ?? (dirtyFields[field] ? undefined : serverErrors[field]);
  const submit = form.handleSubmit((filters) =>
    onApply(Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, value ?? ''])) as ReportFilterValues),
  );
  const choosePeriod = (period: { from: string; to: string }) => {
    const current = form.getValues();
    onApply({ ...(current as ReportFilterValues), from: period.from, to: period.to, periodBy: current.periodBy || 'admission' } as ReportFilterValues);
  };
  const isCurrent = (period: { from: string; to: string }) => fromUkDate(values.from) === period.from && fromUkDate(values.to) === period.to;

  return (
    <form className="report-filters" aria-label="Report filters" noValidate onSubmit={(event) => void submit(event)}>
      <div className="metrics-period__quick" role="group" aria-label="Quick choices">
        {quickPeriods(today)
          .filter((choice) => QUICK_CHOICES.includes(choice.label))
          .map(({ label, period }) => (
            <Button key={label} variant="secondary" aria-pressed={isCurrent(period)} onClick={() => choosePeriod(period)}>
              {label}
            </Button>
          ))}
      </div>
      <div className="filters">
        <SelectField label="Period by" options={reportPeriodByOptions} error={errorFor('periodBy')} {...form.register('periodBy')} />
        <TextField label="From" hint="For example, 01/10/2026" autoComplete="off" error={errorFor('from')} {...form.register('from')} />
        <TextField label="To" hint="For example, 31/10/2026" autoComplete="off" error={errorFor('to')} {...form.register('to')} />
      </div>
      <div className="filters">
        <SelectField
          label="Clinic"
          placeholder={clinics.isError ? 'Clinics could not be loaded' : 'Any clinic'}
          options={(clinics.data ?? []).map((clinic) => ({ value: clinic.id, label: clinic.name }))}
          error={errorFor('clinicId')}
          {...form.register('clinicId')}
        />
        <SelectField label="Region" placeholder="Any region" options={regions} error={errorFor('region')} {...form.register('region')} />
        <SelectField
          label="Adviser"
          placeholder={staff.isError ? 'Staff could not be loaded' : 'Anyone'}
          options={(staff.data ?? []).map((member) => ({ value: member.id, label: member.fullName }))}
          error={errorFor('adviserId')}
          {...form.register('adviserId')}
        />
        <SelectField label="Funding route" placeholder="Any funding route" options={fundingRouteOptions} error={errorFor('fundingRoute')} {...form.register('fundingRoute')} />
        <SelectField label="Primary substance" placeholder="Any substance" options={substanceOptions} error={errorFor('substance')} {...form.register('substance')} />
        <SelectField label="Outcome" placeholder="Any outcome" options={reportOutcomeOptions} error={errorFor('outcome')} {...form.register('outcome')} />
      </div>
      <Button type="submit">Show report</Button>
    </form>
  );
}
