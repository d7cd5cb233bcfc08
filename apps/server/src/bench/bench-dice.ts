// A seeded generator and cheap ids for the benchmark data: the same data on every run, and a
// row's ids worked out from its number, so a child row names its parent without a lookup table
// of a million UUIDs in memory.

/** mulberry32: fast, 32 bits of state, plenty for picking among a few choices a few million times. */
export class Dice {
  private state: number;

  constructor(...seedParts: number[]) {
    this.state = seedParts.reduce((seed, part) => Math.imul(seed ^ (part + 0x9e37), 0x85ebca6b) >>> 0, 0x2545f491);
  }

  fraction(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from min to max, both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.fraction() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.fraction() * list.length)]!;
  }

  /** One of the choices, each as likely as its weight; see `weightsOf`. */
  weighted<T>(table: Weighted<T>): T {
    const point = this.fraction() * table.total;
    const { values, bounds } = table;
    for (let index = 0; index < bounds.length; index += 1) if (point < bounds[index]!) return values[index]!;
    return values[values.length - 1]!;
  }
}

export interface Weighted<T> {
  values: T[];
  bounds: number[];
  total: number;
}

/** Cumulative bounds worked out once, so picking by weight in a hot loop adds no allocation. */
export function weightsOf<T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  let total = 0;
  const bounds = entries.map(([, weight]) => (total += weight));
  return { values: entries.map(([value]) => value), bounds, total };
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Scrambles 32 bits (a murmur3 finaliser), so consecutive numbers give unrelated-looking ids. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex8 = (value: number) => HEX[value >>> 24]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;

/** Which table an id is for: part of every id, so two tables' ids never meet. */
export const IdKind = { staff: 1, clinic: 2, case: 3, callback: 4, attempt: 5, placement: 6, checkIn: 7 } as const;

/**
 * A version-4-shaped UUID for row `number` of a kind: random-looking at the front (so the
 * primary key index fills as it would with gen_random_uuid), and unique because the last
 * twelve digits are the kind and the number.
 */
export function benchId(kind: number, number: number): string {
  const a = mix(number * 7 + kind);
  const b = mix(a ^ number);
  const tail = HEX[kind]! + (number >>> 0).toString(16).padStart(10, '0');
  return `${hex8(a)}-${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-4${HEX[(b >>> 8) & 255]}${(b & 15).toString(16)}-${(8 + (b & 3)).toString(16)}${HEX[(a >>> 4) & 255]}${(a & 15).toString(16)}-${tail}`;
}

/**
 * A bijection on [0, modulus): multiplying by a number that shares no factor with the modulus.
 * Turns row numbers into unique phone numbers and references that do not run in order.
 */
export function scatter(number: number, modulus: number, multiplier: number, offset: number): number {
  // BigInt would be exact but slow; the product stays below 2^53 for the moduli used here.
  return (((number * multiplier) % modulus) + offset) % modulus;
}
