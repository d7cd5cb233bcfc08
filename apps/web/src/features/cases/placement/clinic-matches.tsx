import { travelOptions, type Service, type Travel } from '@harbour/shared/clinics';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/page-states';
import { SelectField } from '../../../components/ui/select-field';
import { messageOf, useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { CaseNeed } from './case-need';
import { ClinicComparison } from './clinic-comparison';
import { placeableServiceOptions, placeOf, type Announce, type CaseRecord, type ClinicMatch } from './placement-words';
import type { Chosen } from './propose-placement-form';
import { RankedClinic } from './ranked-clinic';

type Criteria = Chosen & { travel: Travel };

// The usual lengths, before the directory has been read; after, every length a clinic offers.
const COMMON_LENGTHS = [7, 14, 28, 42, 56, 84];

/**
 * The clinic directory ranked for this case. It is read when the adviser asks, not on opening
 * the case: each ranking reads the client's health answers, and is audited as such.
 */
export function ClinicMatches({ record, onDone }: { record: CaseRecord; onDone: Announce | null }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<{ travel: Travel; programme: Service | ''; lengthDays: string }>({ travel: 'neighbouring', programme: '', lengthDays: '' });
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const matches = useQuery({
    ...trpc.clinics.match.queryOptions(criteria ? { caseId: record.id, ...criteria } : skipToken),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const lengths = [...new Set([...COMMON_LENGTHS, ...(matches.data?.matches.flatMap((match) => match.clinic.programmeLengthsDays) ?? [])])].sort((a, b) => a - b);

  return (
    <div className="clinic-matches">
      <form
        className="match-criteria"
        aria-label="Find clinics for this case"
        onSubmit={(event) => {
          event.preventDefault();
          setCriteria({
            travel: draft.travel,
            programme: draft.programme || undefined,
            lengthDays: draft.lengthDays ? Number(draft.lengthDays) : undefined,
          });
        }}
      >
        <div className="inline-form">
          <SelectField
            label="How far can they travel?"
            options={travelOptions}
            value={draft.travel}
            onChange={(event) => setDraft({ ...draft, travel: event.target.value as Travel })}
          />
          <SelectField
            label="Programme"
            placeholder="Any programme"
            options={placeableServiceOptions}
            value={draft.programme}
            onChange={(event) => setDraft({ ...draft, programme: event.target.value as Service | '' })}
          />
          <SelectField
            label="Length"
            placeholder="Any length"
            options={lengths.map((days) => ({ value: String(days), label: `${days} days` }))}
            value={draft.lengthDays}
            onChange={(event) => setDraft({ ...draft, lengthDays: event.target.value })}
          />
          <Button type="submit" isBusy={matches.isFetching}>
            {criteria ? 'Update the list' : 'Find clinics'}
          </Button>
        </div>
      </form>
      {matches.isError && <ErrorState message={messageOf(matches.error)} onRetry={() => void matches.refetch()} />}
      {criteria && matches.isPending && <LoadingState label="Ranking the directory for this case…" />}
      {matches.data && criteria && <MatchResults result={matches.data} record={record} chosen={criteria} onDone={onDone} />}
    </div>
  );
}

function MatchResults({
  result,
  record,
  chosen,
  onDone,
}: {
  result: RouterOutputs['clinics']['match'];
  record: CaseRecord;
  chosen: Chosen;
  onDone: Announce | null;
}) {
  const [comparing, setComparing] = useState<string[]>([]);
  const ranked = result.matches.filter((match) => !match.isExcluded);
  const excluded = result.matches.filter((match) => match.isExcluded);
  // A clinic ticked before the list was updated counts only while it is still ranked.
  const pair = ranked.filter((match) => comparing.includes(match.clinic.id));
  const toggle = (id: string) => setComparing(comparing.includes(id) ? comparing.filter((other) => other !== id) : [...pair.map((match) => match.clinic.id), id]);

  return (
    <>
      <CaseNeed need={result.need} hasAssessment={result.hasAssessment} />
      <h3>
        {ranked.length === 1 ? '1 clinic can' : `${ranked.length} clinics can`} take {record.clientName}
      </h3>
      {ranked.length === 0 ? (
        <EmptyState title="No clinic in the directory fits every need">
          <p>See why each was excluded below. Widening how far they can travel, or any programme and length, may bring some back.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {compareStatus(pair)}
          </p>
          {pair.length === 2 && <ClinicComparison pair={[pair[0]!, pair[1]!]} onClear={() => setComparing([])} />}
          <ol className="ranked-clinics">
            {ranked.map((match, index) => {
              const isChosen = comparing.includes(match.clinic.id);
              return (
                <RankedClinic
                  key={match.clinic.id}
                  match={match}
                  rank={index + 1}
                  record={record}
                  chosen={chosen}
                  onDone={onDone}
                  compare={{ isChosen, isRefused: !isChosen && pair.length >= 2, onToggle: () => toggle(match.clinic.id) }}
                />
              );
            })}
          </ol>
        </>
      )}
      {excluded.length > 0 && <ExcludedClinics excluded={excluded} />}
    </>
  );
}

function compareStatus(pair: ClinicMatch[]): string {
  if (pair.length === 2) return `Comparing ${pair[0]!.clinic.name} and ${pair[1]!.clinic.name}, side by side below.`;
  if (pair.length === 1) return `${pair[0]!.clinic.name} chosen: tick one more clinic to compare them side by side.`;
  return 'Tick “Compare” on two clinics to see them side by side.';
}

function ExcludedClinics({ excluded }: { excluded: ClinicMatch[] }) {
  return (
    <details className="excluded-clinics">
      <summary>{excluded.length === 1 ? '1 clinic excluded' : `${excluded.length} clinics excluded`}</summary>
      <ul>
        {excluded.map(({ clinic, exclusions }) => (
          <li key={clinic.id}>
            <Link to={`/clinics/${clinic.id}`}>{clinic.name}</Link>, {placeOf(clinic.town, clinic.region)}
            <ul>
              {exclusions.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
