import { formatDueIn, formatWhen } from '@harbour/shared/format';
import { isStale } from '@harbour/shared/pipeline';
import { regionLabel } from '@harbour/shared/regions';
import { closureReasons } from '@harbour/shared/stages';
import { substanceLabel } from '@harbour/shared/substances';
import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { DualDiagnosisBadge, RiskBadge, SeverityBadge } from '../../components/case-badges';
import { daysInStageText } from '../../components/case-dates';
import { Button } from '../../components/ui/button';
import type { BoardCard as Card } from './use-board';

const closureLabels = new Map<string, string>(closureReasons.map((reason) => [reason.value, reason.label]));

/** Where the board puts focus back when a dialog opened from this card closes. */
export const cardButtonSelector = (cardId: string, action: 'move' | 'assign') => `[data-card-action="${action}:${cardId}"]`;

/**
 * One case on the board: who it is, who has it, how urgent, how long it has waited and what
 * happens next. Dragging it is a shortcut; the Move… button does the same from the keyboard.
 */
export function BoardCard({
  card,
  now,
  isBusy,
  onMove,
  onAssign,
  onDragStart,
  onDragEnd,
}: {
  card: Card;
  now: Date;
  isBusy: boolean;
  onMove: (card: Card) => void;
  onAssign: (card: Card) => void;
  onDragStart: (card: Card, event: DragEvent) => void;
  onDragEnd: () => void;
}) {
  const due = card.nextActionDueAt ? formatDueIn(card.nextActionDueAt, now) : null;
  const stale = isStale(card.stage, card.stageChangedAt, now);
  const titleId = `card-${card.id}`;
  return (
    <article
      className={`board-card${isBusy ? ' board-card--busy' : ''}`}
      aria-labelledby={titleId}
      aria-busy={isBusy || undefined}
      draggable
      onDragStart={(event) => onDragStart(card, event)}
      onDragEnd={onDragEnd}
    >
      <h3 className="board-card__title" id={titleId}>
        <Link to={`/cases/${card.reference}`}>{card.reference}</Link>{' '}
        <span className="board-card__name">
          {card.clientName ?? (
            <>
              {card.callerName} <span className="muted">(caller)</span>
            </>
          )}
        </span>
      </h3>
      <p className="board-card__badges">
        <RiskBadge level={card.riskLevel} />
        <SeverityBadge band={card.severity} />
        <DualDiagnosisBadge isDualDiagnosis={card.isDualDiagnosis} />
      </p>
      <dl className="board-card__facts">
        <div>
          <dt>Adviser</dt>
          <dd>{card.assignedAdviserName ?? <span className="board-card__unassigned">Unassigned</span>}</dd>
        </div>
        <div>
          <dt>In stage</dt>
          <dd className={stale ? 'text-danger' : undefined}>
            {daysInStageText(card.stageChangedAt, now)}
            {stale && ' (stale)'}
          </dd>
        </div>
        {(card.primarySubstance || card.region) && (
          <div>
            <dt>About</dt>
            <dd>{[card.primarySubstance && substanceLabel(card.primarySubstance), card.region && regionLabel(card.region)].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
        <div>
          {card.stage === 'closed' ? (
            <>
              <dt>Closed</dt>
              <dd>{card.closureReason ? (closureLabels.get(card.closureReason) ?? card.closureReason) : 'No reason recorded'}</dd>
            </>
          ) : (
            <>
              <dt>Next</dt>
              <dd>
                {card.nextAction ? (
                  <>
                    {card.nextAction}
                    {card.nextActionDueAt && due && (
                      <span className={due.isOverdue ? 'due due--overdue' : 'due'}>
                        {' '}
                        {due.isOverdue ? due.text : `due ${formatWhen(card.nextActionDueAt, now)}`}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-danger">No next action</span>
                )}
              </dd>
            </>
          )}
        </div>
      </dl>
      <div className="board-card__actions">
        {/* Named with the reference: a screen reader's list of buttons otherwise reads "Move…" 50 times. */}
        <Button variant="secondary" className="board-card__button" aria-label={`Move ${card.reference}`} data-card-action={`move:${card.id}`} onClick={() => onMove(card)}>
          Move…
        </Button>
        <Button variant="secondary" className="board-card__button" aria-label={`Assign ${card.reference}`} data-card-action={`assign:${card.id}`} onClick={() => onAssign(card)}>
          Assign…
        </Button>
      </div>
    </article>
  );
}
