import { fundingRouteOptions, riskLevelLabels, riskLevels } from '@harbour/shared/assessment';
import { boardFiltersSchema, type BoardFilters } from '@harbour/shared/pipeline';
import { regions } from '@harbour/shared/regions';
import { substances } from '@harbour/shared/substances';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useTRPC } from '../../lib/trpc';

const substanceOptions = substances.map((substance) => ({ value: substance.id, label: substance.label }));
const riskOptions = riskLevels.map((level) => ({ value: level, label: riskLevelLabels[level] }));

// Long enough to type "14" without asking for the board at "1" first.
const TYPING_SETTLES_MS = 600;

/** The board's filters; every change lands in the address at once, so the view can be shared. */
export function BoardFilterForm({
  filters,
  isFiltered,
  onChange,
}: {
  filters: BoardFilters;
  isFiltered: boolean;
  onChange: (changes: Partial<BoardFilters>) => void;
}) {
  const trpc = useTRPC();
  const staff = useQuery(trpc.users.listActive.queryOptions());
  const choose = <Key extends keyof BoardFilters>(key: Key) => (event: { target: { value: string } }) =>
    onChange({ [key]: event.target.value || undefined } as Partial<BoardFilters>);

  return (
    <form className="filters board-filters" aria-label="Filter the pipeline" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label="Adviser"
        placeholder="Anyone"
        value={filters.adviserId ?? ''}
        options={[
          { value: 'unassigned', label: 'Unassigned' },
          ...(staff.data ?? []).map((member) => ({ value: member.id, label: member.fullName })),
        ]}
        onChange={choose('adviserId')}
      />
      <SelectField label="Region" placeholder="Any region" value={filters.region ?? ''} options={regions} onChange={choose('region')} />
      <SelectField label="Substance" placeholder="Any substance" value={filters.substance ?? ''} options={substanceOptions} onChange={choose('substance')} />
      <SelectField label="Risk" placeholder="Any risk" value={filters.risk ?? ''} options={riskOptions} onChange={choose('risk')} />
      <SelectField
        label="Funding route"
        placeholder="Any funding route"
        value={filters.fundingRoute ?? ''}
        options={fundingRouteOptions}
        onChange={choose('fundingRoute')}
      />
      <DaysInStageField days={filters.minDaysInStage} onCommit={(minDaysInStage) => onChange({ minDaysInStage })} />
      <div className="board-filters__checks">
        <CheckboxField label="No next action" checked={filters.noNextAction ?? false} onChange={(event) => onChange({ noNextAction: event.target.checked })} />
        <CheckboxField
          label="Next action overdue"
          checked={filters.nextActionOverdue ?? false}
          onChange={(event) => onChange({ nextActionOverdue: event.target.checked })}
        />
      </div>
      {isFiltered && (
        <Link className="board-filters__clear" to={{ search: '' }}>
          Clear filters
        </Link>
      )}
    </form>
  );
}

function readDays(text: string): { days?: number; error?: string } {
  if (text.trim() === '') return {};
  const parsed = boardFiltersSchema.shape.minDaysInStage.safeParse(Number(text.trim()));
  return parsed.success ? { days: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Enter a number of days' };
}

/** A number typed is applied once typing pauses, or on Enter or leaving the field. */
function DaysInStageField({ days, onCommit }: { days: number | undefined; onCommit: (days: number | undefined) => void }) {
  const fromAddress = days === undefined ? '' : String(days);
  const [text, setText] = useState(fromAddress);
  const [shown, setShown] = useState(fromAddress);
  // The address changed (applied, cleared, back button): show what it holds now.
  if (shown !== fromAddress) {
    setShown(fromAddress);
    setText(fromAddress);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { error } = readDays(text);

  const commit = (typed: string) => {
    clearTimeout(timer.current);
    const read = readDays(typed);
    if (!read.error && read.days !== days) onCommit(read.days);
  };

  return (
    <TextField
      label="In stage more than (days)"
      inputMode="numeric"
      autoComplete="off"
      className="board-filters__days"
      value={text}
      error={error}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(typed), TYPING_SETTLES_MS);
      }}
      onBlur={() => commit(text)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
      }}
    />
  );
}
