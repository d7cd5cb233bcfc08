import { describe, expect, it } from 'vitest';
import { riskLevelOf, riskLevels, type RiskLevel, type RiskScreenAnswers, type SubstanceUseInput } from './assessment';
import { riskScreenWithNothingFound } from './assessment-fixtures';

const nothing = riskScreenWithNothingFound;

const REASONS = {
  activeSuicidal: 'Thoughts of suicide with a plan or intent to act.',
  passiveSuicidal: 'Thoughts of suicide, without a plan.',
  selfHarm: 'Self-harm, now or recently.',
  harmToOthers: 'May harm someone else.',
  overdose: 'Has overdosed in the last 12 months.',
  withdrawal: 'Withdrawal could cause seizures: detox must be medically managed.',
  twoMedium: 'More than one of injecting, pregnancy and children or vulnerable adults at home.',
  injecting: 'Injects drugs, with a risk of overdose and infection.',
  pregnancy: 'Pregnant: substance use and withdrawal put the baby at risk too.',
  safeguarding: 'Children or vulnerable adults at home: consider safeguarding.',
};

const rank = (level: RiskLevel) => riskLevels.indexOf(level);

describe('riskLevelOf: each factor alone', () => {
  it.each<[string, RiskScreenAnswers, RiskLevel, string[]]>([
    ['nothing', {}, 'low', []],
    ['suicidal thoughts with a plan', { suicidalThoughts: 'active_with_plan' }, 'immediate', [REASONS.activeSuicidal]],
    ['suicidal thoughts without a plan', { suicidalThoughts: 'passive' }, 'high', [REASONS.passiveSuicidal]],
    ['self-harm', { selfHarm: true }, 'high', [REASONS.selfHarm]],
    ['harm to others', { harmToOthers: true }, 'high', [REASONS.harmToOthers]],
    ['an overdose in the last 12 months', { overdoseInLast12Months: true }, 'high', [REASONS.overdose]],
    ['medically risky withdrawal', { riskyWithdrawal: true }, 'high', [REASONS.withdrawal]],
    ['injecting', { injecting: true }, 'medium', [REASONS.injecting]],
    ['pregnancy', { pregnancy: true }, 'medium', [REASONS.pregnancy]],
    ['children or vulnerable adults at home', { childrenOrVulnerableAdultsAtHome: true }, 'medium', [REASONS.safeguarding]],
  ])('%s is %s', (_what, change, level, reasons) => {
    expect(riskLevelOf({ ...nothing, ...change })).toEqual({ level, reasons, isComplete: true });
  });
});

describe('riskLevelOf: combinations', () => {
  it.each<[string, RiskScreenAnswers, RiskLevel, string[]]>([
    [
      'two high factors stay high',
      { selfHarm: true, overdoseInLast12Months: true },
      'high',
      [REASONS.selfHarm, REASONS.overdose],
    ],
    [
      'every high factor together is still high, not immediate',
      { suicidalThoughts: 'passive', selfHarm: true, harmToOthers: true, overdoseInLast12Months: true, riskyWithdrawal: true },
      'high',
      [REASONS.passiveSuicidal, REASONS.selfHarm, REASONS.harmToOthers, REASONS.overdose, REASONS.withdrawal],
    ],
    [
      'a high factor with children at home is high, and keeps the safeguarding reason',
      { harmToOthers: true, childrenOrVulnerableAdultsAtHome: true },
      'high',
      [REASONS.harmToOthers, REASONS.safeguarding],
    ],
    [
      'injecting while pregnant is high',
      { injecting: true, pregnancy: true },
      'high',
      [REASONS.twoMedium, REASONS.injecting, REASONS.pregnancy],
    ],
    [
      'injecting with children at home is high',
      { injecting: true, childrenOrVulnerableAdultsAtHome: true },
      'high',
      [REASONS.twoMedium, REASONS.injecting, REASONS.safeguarding],
    ],
    [
      'pregnant with children at home is high',
      { pregnancy: true, childrenOrVulnerableAdultsAtHome: true },
      'high',
      [REASONS.twoMedium, REASONS.pregnancy, REASONS.safeguarding],
    ],
    [
      'suicidal thoughts with a plan and children at home is immediate',
      { suicidalThoughts: 'active_with_plan', childrenOrVulnerableAdultsAtHome: true },
      'immediate',
      [REASONS.activeSuicidal, REASONS.safeguarding],
    ],
    [
      'suicidal thoughts with a plan and every other factor is immediate, most serious reason first',
      {
        suicidalThoughts: 'active_with_plan',
        selfHarm: true,
        harmToOthers: true,
        childrenOrVulnerableAdultsAtHome: true,
        pregnancy: true,
        injecting: true,
        overdoseInLast12Months: true,
        riskyWithdrawal: true,
      },
      'immediate',
      [
        REASONS.activeSuicidal,
        REASONS.selfHarm,
        REASONS.harmToOthers,
        REASONS.overdose,
        REASONS.withdrawal,
        REASONS.twoMedium,
        REASONS.injecting,
        REASONS.pregnancy,
        REASONS.safeguarding,
      ],
    ],
  ])('%s', (_what, change, level, reasons) => {
    expect(riskLevelOf({ ...nothing, ...change })).toEqual({ level, reasons, isComplete: true });
  });

  // Every possible screen: a further "yes", safeguarding above all, never lowers the level.
  const booleanFactors = (Object.keys(nothing) as Array<keyof RiskScreenAnswers>).filter((factor) => factor !== 'suicidalThoughts');
  const everyScreen: RiskScreenAnswers[] = (['none', 'passive', 'active_with_plan'] as const).flatMap((suicidalThoughts) =>
    Array.from({ length: 2 ** booleanFactors.length }, (_, bits) => ({
      suicidalThoughts,
      ...Object.fromEntries(booleanFactors.map((factor, index) => [factor, Boolean(bits & (1 << index))])),
    })),
  );

  it.each(booleanFactors)('answering yes to %s never lowers the level, across all 384 screens', (factor) => {
    expect(everyScreen).toHaveLength(384);
    for (const screen of everyScreen) {
      const without = riskLevelOf({ ...screen, [factor]: false }).level;
      const withIt = riskLevelOf({ ...screen, [factor]: true }).level;
      expect(rank(withIt)).toBeGreaterThanOrEqual(rank(without));
    }
  });

  it('only suicidal thoughts with a plan make it immediate, across all 384 screens', () => {
    for (const screen of everyScreen) {
      expect(riskLevelOf(screen).level === 'immediate').toBe(screen.suicidalThoughts === 'active_with_plan');
    }
  });
});

describe('riskLevelOf: what the substances say', () => {
  const row = (change: Partial<SubstanceUseInput>): SubstanceUseInput => ({ substance: 'cocaine', isPrimary: true, ...change });

  it.each<[string, SubstanceUseInput[], RiskLevel, string[]]>([
    ['daily alcohol', [row({ substance: 'alcohol', frequency: 'daily' })], 'high', [REASONS.withdrawal]],
    ['daily benzodiazepines', [row({ substance: 'benzodiazepines', frequency: 'daily' })], 'high', [REASONS.withdrawal]],
    ['daily GHB/GBL', [row({ substance: 'ghb_gbl', frequency: 'daily' })], 'high', [REASONS.withdrawal]],
    [
      'daily benzodiazepines as a second substance',
      [row({ frequency: 'weekly' }), row({ substance: 'benzodiazepines', isPrimary: false, frequency: 'daily' })],
      'high',
      [REASONS.withdrawal],
    ],
    ['alcohol several times a week', [row({ substance: 'alcohol', frequency: 'several_times_a_week' })], 'low', []],
    ['alcohol with no frequency yet', [row({ substance: 'alcohol' })], 'low', []],
    ['daily cocaine', [row({ frequency: 'daily' })], 'low', []],
    ['injected heroin', [row({ substance: 'heroin', route: 'injected' })], 'medium', [REASONS.injecting]],
  ])('%s', (_what, substances, level, reasons) => {
    expect(riskLevelOf(nothing, substances)).toMatchObject({ level, reasons });
  });

  it('an answer of "no" cannot undo daily drinking or injecting', () => {
    const substances = [row({ substance: 'alcohol', frequency: 'daily', route: 'injected' })];
    expect(riskLevelOf({ ...nothing, riskyWithdrawal: false, injecting: false }, substances)).toMatchObject({
      level: 'high',
      reasons: [REASONS.withdrawal, REASONS.injecting],
    });
  });

  it('daily alcohol answers the withdrawal question, so the screen can be complete without it', () => {
    const { riskyWithdrawal: _, ...unanswered } = nothing;
    expect(riskLevelOf(unanswered).isComplete).toBe(false);
    expect(riskLevelOf(unanswered, [row({ substance: 'alcohol', frequency: 'daily' })]).isComplete).toBe(true);
  });
});

describe('riskLevelOf: an unfinished screen', () => {
  it.each(Object.keys(nothing) as Array<keyof RiskScreenAnswers>)('is not complete while %s is unanswered', (factor) => {
    expect(riskLevelOf({ ...nothing, [factor]: undefined }).isComplete).toBe(false);
    expect(riskLevelOf({ ...nothing, [factor]: null }).isComplete).toBe(false);
  });

  it('still gives the level of what has been answered', () => {
    expect(riskLevelOf({ selfHarm: true })).toEqual({ level: 'high', reasons: [REASONS.selfHarm], isComplete: false });
  });

  it('counts "no" as an answer', () => {
    expect(riskLevelOf(nothing).isComplete).toBe(true);
  });
});
