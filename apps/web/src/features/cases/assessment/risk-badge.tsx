import { riskLevelLabels, type RiskLevel } from '@harbour/shared/assessment';

export function RiskBadge({ level }: { level: RiskLevel }) {
  return <span className={`badge badge--risk-${level}`}>{riskLevelLabels[level]}</span>;
}
