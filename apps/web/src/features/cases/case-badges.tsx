import { riskLevelLabels, severityBandLabels, type RiskLevel, type SeverityBand } from '@harbour/shared/assessment';

const riskTone: Record<RiskLevel, string> = { low: 'badge--neutral', medium: 'badge--warning', high: 'badge--danger', immediate: 'badge--danger badge--pulse' };

/** Risk as the last save or the live answers give it; a case never assessed says so. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (!level) return <span className="badge badge--muted">Risk not assessed</span>;
  return <span className={`badge ${riskTone[level]}`}>Risk: {riskLevelLabels[level]}</span>;
}

export function SeverityBadge({ band }: { band: SeverityBand | null }) {
  if (!band) return null;
  return <span className="badge badge--neutral">Severity: {severityBandLabels[band]}</span>;
}

export function DualDiagnosisBadge({ isDualDiagnosis }: { isDualDiagnosis: boolean }) {
  return isDualDiagnosis ? <span className="badge badge--info">Dual diagnosis</span> : null;
}
