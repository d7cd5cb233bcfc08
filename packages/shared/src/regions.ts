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
