import type { RiskScreenAnswers } from './assessment';

/** Every risk question answered, none of them a risk: for demo data and tests to start from. */
export const riskScreenWithNothingFound = {
  suicidalThoughts: 'none',
  selfHarm: false,
  harmToOthers: false,
  childrenOrVulnerableAdultsAtHome: false,
  pregnancy: false,
  injecting: false,
  overdoseInLast12Months: false,
  riskyWithdrawal: false,
} as const satisfies Required<RiskScreenAnswers>;
