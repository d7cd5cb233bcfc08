// One catalogue for the whole app: the public form, the assessment and clinic matching.
export const substances = [
  { id: 'alcohol', label: 'Alcohol' },
  { id: 'ketamine', label: 'Ketamine' },
  { id: 'cocaine', label: 'Cocaine' },
  { id: 'crack_cocaine', label: 'Crack cocaine' },
  { id: 'heroin', label: 'Heroin' },
  { id: 'other_opioids', label: 'Other opioids' },
  { id: 'cannabis', label: 'Cannabis' },
  { id: 'benzodiazepines', label: 'Benzodiazepines' },
  { id: 'amphetamines', label: 'Amphetamines' },
  { id: 'mdma', label: 'MDMA' },
  { id: 'synthetic_cannabinoids', label: 'Synthetic cannabinoids' },
  { id: 'ghb_gbl', label: 'GHB/GBL' },
  { id: 'prescription_medicines', label: 'Prescription medicines' },
  { id: 'gambling', label: 'Gambling' },
  { id: 'other', label: 'Other' },
] as const;

export type SubstanceId = (typeof substances)[number]['id'];

export const substanceIds = substances.map((substance) => substance.id) as [SubstanceId, ...SubstanceId[]];

const labels = new Map<string, string>(substances.map((substance) => [substance.id, substance.label]));

export function substanceLabel(id: string): string {
  return labels.get(id) ?? id;
}
