// The risk levels and severity bands an assessment ends in, apart from the assessment schemas:
// the queue and the case search show them as badges, and importing them from assessment.ts
// would bring zod and the whole assessment into the first download.

export const riskLevels = ['low', 'medium', 'high', 'immediate'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', immediate: 'Immediate' };

export type SeverityBand = 'none' | 'mild' | 'moderate' | 'severe';
export const severityBandLabels: Record<SeverityBand, string> = { none: 'None', mild: 'Mild', moderate: 'Moderate', severe: 'Severe' };
