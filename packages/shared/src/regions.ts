// England's nine regions and Wales: where a client lives and where a clinic is.
export const regions = [
  { value: 'north_east', label: 'North East' },
  { value: 'north_west', label: 'North West' },
  { value: 'yorkshire_and_the_humber', label: 'Yorkshire and the Humber' },
  { value: 'east_midlands', label: 'East Midlands' },
  { value: 'west_midlands', label: 'West Midlands' },
  { value: 'east_of_england', label: 'East of England' },
  { value: 'london', label: 'London' },
  { value: 'south_east', label: 'South East' },
  { value: 'south_west', label: 'South West' },
  { value: 'wales', label: 'Wales' },
] as const;
export type Region = (typeof regions)[number]['value'];
export const regionValues = regions.map((region) => region.value) as [Region, ...Region[]];

const labels = new Map<string, string>(regions.map((region) => [region.value, region.label]));
export function regionLabel(region: string): string {
  return labels.get(region) ?? region;
}

// England's regions take "the" in a sentence ("a clinic in the North West"); London, Wales and
// Yorkshire and the Humber do not.
const withoutThe: ReadonlySet<Region> = new Set(['yorkshire_and_the_humber', 'london', 'wales']);

/** The region as it reads inside a sentence: "the North West", "London". */
export function regionInSentence(region: Region): string {
  return withoutThe.has(region) ? regionLabel(region) : `the ${regionLabel(region)}`;
}

/**
 * Regions that share a land border, for a family willing to travel "next door". Water does not
 * count: Essex and Kent face each other across the Thames estuary but are not neighbours.
 */
export const neighbouringRegions: Record<Region, Region[]> = {
  north_east: ['north_west', 'yorkshire_and_the_humber'],
  north_west: ['north_east', 'yorkshire_and_the_humber', 'east_midlands', 'west_midlands', 'wales'],
  yorkshire_and_the_humber: ['north_east', 'north_west', 'east_midlands'],
  east_midlands: ['north_west', 'yorkshire_and_the_humber', 'west_midlands', 'east_of_england', 'south_east'],
  west_midlands: ['north_west', 'east_midlands', 'south_east', 'south_west', 'wales'],
  east_of_england: ['east_midlands', 'london', 'south_east'],
  london: ['east_of_england', 'south_east'],
  south_east: ['east_midlands', 'west_midlands', 'east_of_england', 'london', 'south_west'],
  south_west: ['west_midlands', 'south_east', 'wales'],
  wales: ['north_west', 'west_midlands', 'south_west'],
};

export type RegionDistance = 'same' | 'neighbouring' | 'further';

export function regionDistance(a: Region, b: Region): RegionDistance {
  if (a === b) return 'same';
  return neighbouringRegions[a].includes(b) ? 'neighbouring' : 'further';
}
