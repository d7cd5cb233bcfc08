import { describe, expect, it } from 'vitest';
import { neighbouringRegions, regionDistance, regionInSentence, regions, regionValues, type Region } from './regions';

describe('neighbouringRegions: regions that share a land border', () => {
  it.each(regionValues)('gives %s at least one neighbour, each once, and never itself', (region) => {
    const neighbours = neighbouringRegions[region];
    expect(neighbours.length).toBeGreaterThan(0);
    expect(new Set(neighbours).size).toBe(neighbours.length);
    expect(neighbours).not.toContain(region);
    expect(neighbours.every((neighbour) => regionValues.includes(neighbour))).toBe(true);
  });

  it('lists every region and nothing else', () => {
    expect(Object.keys(neighbouringRegions).sort()).toEqual([...regionValues].sort());
  });

  it.each(regionValues.flatMap((region) => neighbouringRegions[region].map((neighbour) => [region, neighbour] as const)))(
    'has %s next to %s both ways',
    (region, neighbour) => {
      expect(neighbouringRegions[neighbour]).toContain(region);
    },
  );

  it.each<[Region, Region, boolean]>([
    ['wales', 'north_west', true],
    ['wales', 'west_midlands', true],
    ['wales', 'south_west', true],
    ['wales', 'south_east', false],
    ['london', 'east_of_england', true],
    ['london', 'south_east', true],
    ['london', 'east_midlands', false],
    ['north_east', 'north_west', true],
    ['north_east', 'yorkshire_and_the_humber', true],
    ['north_east', 'east_midlands', false],
    ['yorkshire_and_the_humber', 'west_midlands', false],
    ['yorkshire_and_the_humber', 'east_of_england', false],
    ['east_midlands', 'south_east', true],
    ['west_midlands', 'south_east', true],
    ['east_of_england', 'west_midlands', false],
    ['south_west', 'london', false],
  ])('has %s and %s as neighbours: %s', (a, b, areNeighbours) => {
    expect(regionDistance(a, b)).toBe(areNeighbours ? 'neighbouring' : 'further');
    expect(regionDistance(b, a)).toBe(areNeighbours ? 'neighbouring' : 'further');
  });
});

describe('regionDistance', () => {
  it.each(regionValues)('finds %s the same as itself', (region) => {
    expect(regionDistance(region, region)).toBe('same');
  });
});

describe('regionInSentence', () => {
  it.each<[Region, string]>([
    ['north_west', 'the North West'],
    ['east_of_england', 'the East of England'],
    ['yorkshire_and_the_humber', 'Yorkshire and the Humber'],
    ['london', 'London'],
    ['wales', 'Wales'],
  ])('writes %s as "%s"', (region, words) => {
    expect(regionInSentence(region)).toBe(words);
  });

  it('names every region with its label', () => {
    for (const { value, label } of regions) expect(regionInSentence(value)).toMatch(new RegExp(`^(the )?${label}$`));
  });
});
