import { riskLevelLabels, severityBandLabels, type RiskLevel, type SeverityBand } from '@harbour/shared/assessment-levels';

/** Risk as saved or as the answers on screen give it; a case never assessed says so. */
export function RiskBadge({ level, isLabelled = true }: { level: RiskLevel | null; isLabelled?: boolean }) {
  if (!level) return <span className="badge badge--muted">Risk not assessed</span>;
  return (
    <span className={`badge badge--risk-${level}`}>
      {isLabelled ? 'Risk: ' : ''}
      {riskLevelLabels[level]}
    </span>
  );
}

export function SeverityBadge({ band }: { band: SeverityBand | null }) {
  if (!band) return null;
  return <span className="badge badge--neutral">Severity: {severityBandLabels[band]}</span>;
}

export function DualDiagnosisBadge({ isDualDiagnosis }: { isDualDiagnosis: boolean }) {
  return isDualDiagnosis ? <span className="badge badge--dual">Dual diagnosis</span> : null;
}
