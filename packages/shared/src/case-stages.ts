// The pipeline's stages and their names, apart from the case schemas: the staff shell shows a
// stage on every page, and importing it from cases.ts would bring zod into the first download.

export const caseStages = ['enquiry', 'assessment', 'placement', 'aftercare', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

export const stageLabels: Record<CaseStage, string> = {
  enquiry: 'Enquiry',
  assessment: 'Assessment',
  placement: 'Placement',
  aftercare: 'Aftercare',
  closed: 'Closed',
};
