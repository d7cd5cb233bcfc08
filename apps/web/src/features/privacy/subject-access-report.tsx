import { fundingRouteOptions, riskLevelLabels, severityBandLabels } from '@harbour/shared/assessment';
import { checkInOutcomeLabels, supportGroupLabels } from '@harbour/shared/aftercare';
import { forWhomShortLabels } from '@harbour/shared/callbacks';
import { stageLabels, type CaseStage } from '@harbour/shared/cases';
import { formatDate, formatDateTime, formatPence } from '@harbour/shared/format';
import { formatUkPhone } from '@harbour/shared/phone';
import { dischargeOutcomeLabels, placementStatusLabels } from '@harbour/shared/placements';
import { contactWithdrawalChannelLabels } from '@harbour/shared/privacy';
import { labelsOf } from '@harbour/shared/options';
import { regionLabel } from '@harbour/shared/regions';
import { toUkDate } from '@harbour/shared/uk-date';
import type { ReactNode } from 'react';
import type { RouterOutputs } from '../../lib/trpc';
import { accessByOf, accessLabelOf } from './access-labels';

type Report = RouterOutputs['privacy']['subjectAccess'];
type HeldCase = Report['cases'][number];
type HeldRequest = HeldCase['callbackRequests'][number];

const NOT_HELD = 'Not held';
const fundingRouteLabels = labelsOf(fundingRouteOptions);
const yesNo = (value: boolean | null) => (value === null ? NOT_HELD : value ? 'Yes' : 'No');
const text = (value: string | null | undefined) => value || NOT_HELD;
const when = (value: Date | null) => (value ? formatDateTime(value) : NOT_HELD);
const day = (value: string | null) => (value ? toUkDate(value) : NOT_HELD);
const label = <T extends string>(labels: Record<T, string>, value: T | null) => (value ? (labels[value] ?? value) : NOT_HELD);

function Details({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd className="subject-access__text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, index) => (
            <tr key={index}>
              {cells.map((cell, cellIndex) => (
                <td key={cellIndex} className="subject-access__text">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RequestsTable({ caption, requests }: { caption: string; requests: HeldRequest[] }) {
  return (
    <Table
      caption={caption}
      headers={['Requested', 'Reference', 'Name, phone and email', 'For', 'What they wrote', 'Calls']}
      empty="No callback requests."
      rows={requests.map((request) => [
        formatDateTime(request.requestedAt),
        request.reference,
        [request.fullName, request.phone ? formatUkPhone(request.phone) : NOT_HELD, request.email].filter(Boolean).join('\n'),
        forWhomShortLabels[request.forWhom],
        text(request.message),
        request.attempts.length === 0
          ? 'None'
          : request.attempts.map((attempt) => `${formatDateTime(attempt.at)} ${attempt.byName}: ${attempt.outcome.replace(/_/g, ' ')}${attempt.notes ? `, "${attempt.notes}"` : ''}`).join('\n'),
      ])}
    />
  );
}

function CaseSection({ held }: { held: HeldCase }) {
  const id = `case-${held.reference}`;
  return (
    <section className="subject-access__case" aria-labelledby={id}>
      <h2 id={id}>
        Case {held.reference}: {stageLabels[held.stage as CaseStage]}, opened {formatDate(held.openedAt)}
      </h2>
      {held.erasedAt && <p className="muted">Erased on {formatDate(held.erasedAt)}: only anonymous facts remain.</p>}

      <h3>Contact details and consents</h3>
      <Details
        rows={[
          ['Caller', `${held.callerName} (${forWhomShortLabels[held.callerRelation]}${held.relationDetail ? `, ${held.relationDetail}` : ''})`],
          ['Client', text(held.clientName)],
          ['Date of birth', day(held.dateOfBirth)],
          ['Phone', held.phone ? formatUkPhone(held.phone) : NOT_HELD],
          ['Email', text(held.email)],
          ['Postcode', text(held.postcode)],
          ['Region', held.region ? regionLabel(held.region) : NOT_HELD],
          ['Best times to call', text(held.preferredContactTimes)],
          ['Safe to leave a voicemail', yesNo(held.safeToLeaveVoicemail)],
          ['Safe to say who we are', yesNo(held.safeToSayWhoWeAre)],
          ['Consent to contact', `${yesNo(held.consentToContact)}, ${formatDateTime(held.consentedAt)}: "${held.consentToContactText}"`],
          ['Consent to record health information', `${yesNo(held.consentToHealthData)}${held.healthDataConsentAt ? `, ${formatDateTime(held.healthDataConsentAt)}` : ''}: "${held.consentToHealthDataText}"`],
          [
            'Withdrew consent to contact',
            held.contactWithdrawnOn ? `${toUkDate(held.contactWithdrawnOn)}, ${label(contactWithdrawalChannelLabels, held.contactWithdrawnVia).toLowerCase()}` : 'No',
          ],
          ['Adviser', text(held.assignedAdviserName)],
        ]}
      />

      <h3>Stage history</h3>
      <Table
        caption={`Stage history of ${held.reference}`}
        headers={['When', 'From', 'To', 'By']}
        empty="Still in its first stage."
        rows={held.stageHistory.map((move) => [
          formatDateTime(move.at),
          stageLabels[move.from as CaseStage] ?? String(move.from),
          stageLabels[move.to as CaseStage] ?? String(move.to),
          text(move.byName),
        ])}
      />

      <h3>Assessment</h3>
      <Details
        rows={[
          ['Substances mentioned', held.substances.length ? held.substances.join(', ') : 'None recorded'],
          ['Main substance', text(held.primarySubstance)],
          ['Severity', label(severityBandLabels, held.severity)],
          ['Criteria met', held.criteriaMet === null ? NOT_HELD : String(held.criteriaMet)],
          ['Risk', label(riskLevelLabels, held.riskLevel)],
          ['Dual diagnosis', yesNo(held.isDualDiagnosis)],
          ['Every answer', held.assessment ? 'In the JSON download' : NOT_HELD],
        ]}
      />

      <h3>Finances</h3>
      <Details
        rows={[
          ['Funding route', label(fundingRouteLabels, held.fundingRoute)],
          ['Budget', held.budgetMaxPence === null ? NOT_HELD : `${held.budgetMinPence === null ? 'Up to' : `${formatPence(held.budgetMinPence)} to`} ${formatPence(held.budgetMaxPence)}`],
          ['Insurer', text(held.insurer)],
          ['Policy number', text(held.policyNumber)],
          ['Who pays', text(held.whoPays)],
          ['Notes', text(held.financeNotes)],
        ]}
      />

      <h3>Notes</h3>
      <Table
        caption={`Notes on ${held.reference}`}
        headers={['When', 'By', 'Note']}
        empty="No notes."
        rows={held.notes.map((note) => [formatDateTime(note.at), note.byName, note.body])}
      />

      <h3>Callback requests and call attempts</h3>
      <RequestsTable caption={`Callback requests of ${held.reference}`} requests={held.callbackRequests} />

      <h3>Crises</h3>
      <Table
        caption={`Crises on ${held.reference}`}
        headers={['Raised', 'Resolved', 'What was done', 'Details']}
        empty="No crisis was raised."
        rows={held.crises.map((crisis) => [formatDateTime(crisis.raisedAt), when(crisis.resolvedAt), (crisis.actions ?? []).join(', ').replace(/_/g, ' ') || 'None', text(crisis.details)])}
      />

      <h3>Placements</h3>
      <Table
        caption={`Placements of ${held.reference}`}
        headers={['Clinic', 'Status', 'Admitted', 'Discharged', 'Fee', 'Cancelled because']}
        empty="No placements."
        rows={held.placements.map((placement) => [
          placement.clinicName,
          placementStatusLabels[placement.status],
          day(placement.admittedOn),
          placement.dischargedOn ? `${toUkDate(placement.dischargedOn)} (${label(dischargeOutcomeLabels, placement.dischargeOutcome)})` : NOT_HELD,
          placement.feePence === null ? NOT_HELD : formatPence(placement.feePence),
          text(placement.cancelReason),
        ])}
      />

      <h3>Aftercare and check-ins</h3>
      {held.aftercarePlan ? (
        <Details
          rows={[
            ['Support groups', held.aftercarePlan.supportGroups.map((group) => supportGroupLabels[group]).join(', ') || 'None'],
            ['Local services', text(held.aftercarePlan.localServices)],
            ['Therapy', text(held.aftercarePlan.therapy)],
            ['Notes', text(held.aftercarePlan.notes)],
          ]}
        />
      ) : (
        <p className="muted">No aftercare plan.</p>
      )}
      <Table
        caption={`Check-ins of ${held.reference}`}
        headers={['Due', 'After', 'Outcome', 'Notes']}
        empty="No check-ins."
        rows={held.checkIns.map((checkIn) => [
          toUkDate(checkIn.dueOn),
          `${checkIn.daysAfter} days`,
          checkIn.outcome ? checkInOutcomeLabels[checkIn.outcome] : 'Not yet recorded',
          text(checkIn.notes),
        ])}
      />
    </section>
  );
}

/** Everything Harbour holds about the person, as a manager reads it and as it prints. */
export function SubjectAccessReport({ report }: { report: Report }) {
  return (
    <article className="subject-access" aria-labelledby="subject-access-heading">
      <h2 id="subject-access-heading">What Harbour holds</h2>
      <p>
        Cases {report.references.join(', ')}, as held at {formatDateTime(report.generatedAt)}. Times are UK time.
      </p>
      {report.cases.map((held) => (
        <CaseSection key={held.reference} held={held} />
      ))}
      {report.requestsWithoutCase.length > 0 && (
        <section aria-labelledby="requests-without-case">
          <h2 id="requests-without-case">Callback requests not linked to a case</h2>
          <RequestsTable caption="Callback requests not linked to a case" requests={report.requestsWithoutCase} />
        </section>
      )}
      <section aria-labelledby="access-heading">
        <h2 id="access-heading">Who has looked at or changed the record</h2>
        <Table
          caption="Who has looked at or changed the record"
          headers={['When', 'Who', 'What', 'Record']}
          empty="Nobody has looked at the record."
          rows={report.access.map((entry) => [formatDateTime(entry.at), accessByOf(entry), accessLabelOf(entry.action), entry.record ?? 'A search or list that showed it'])}
        />
      </section>
    </article>
  );
}
