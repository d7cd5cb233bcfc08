import fc from 'fast-check';
import superjson, { type SuperJSONResult } from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeForWire } from './wire-format';

// What superjson writes, less the shared-reference notes this writer leaves out on purpose.
function superjsonWithoutSharing(value: unknown) {
  const result = superjson.serialize(value);
  if (result.meta) delete result.meta.referentialEqualities;
  return result;
}

// What is sent: the writer leaves dates as Date objects for JSON.stringify to write.
const onTheWire = (result: unknown) => JSON.parse(JSON.stringify(result)) as SuperJSONResult;

describe('the wire format of answers', () => {
  it.each([
    ['a list of rows with dates, nulls and undefined', { items: [{ id: 'a', dueAt: new Date(0), note: null, gone: undefined }, { id: 'b', dueAt: new Date(86_400_000), tags: ['x', 'y'] }], pageSize: 200 }],
    ['keys with dots and backslashes', { 'a.b': { 'c\\d': new Date(5) }, plain: true }],
    ['nothing to annotate', { counts: { open: 3 }, names: ['Ann'] }],
    ['empty and null answers', {}],
    ['a list at the root', [new Date(7), 'x', undefined]],
  ])('is what superjson writes for %s, and reads back the same', (_name, value) => {
    const ours = onTheWire(serializeForWire(value));
    const superjsons = onTheWire(superjsonWithoutSharing(value));
    expect(ours.meta).toEqual(superjsons.meta);
    // superjson writes an undefined member as null and this writer leaves it out; both read back as a member holding undefined.
    expect(superjson.deserialize(ours)).toStrictEqual(superjson.deserialize(superjsons));
    expect(superjson.deserialize(ours)).toStrictEqual(value);
  });

  it.each([
    ['a date at the root', new Date(3)],
    ['undefined at the root', undefined],
    ['a Map', { lookup: new Map([['a', 1]]) }],
    ['a bigint', { big: 10n }],
    ['a number JSON cannot hold', { ratio: Number.NaN, far: Number.POSITIVE_INFINITY }],
    ['an invalid date', { at: new Date(Number.NaN) }],
  ])('hands %s to superjson', (_name, value) => {
    expect(onTheWire(serializeForWire(value))).toEqual(onTheWire(superjson.serialize(value)));
  });

  it('leaves the answer as it was', () => {
    const row = { id: 'a', dueAt: new Date(0), gone: undefined, tags: ['x'] };
    serializeForWire({ items: [row] });
    expect(row).toEqual({ id: 'a', dueAt: new Date(0), gone: undefined, tags: ['x'] });
    expect(Object.keys(row)).toEqual(['id', 'dueAt', 'gone', 'tags']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key as superjson does (prototype pollution)', (key) => {
    const value = JSON.parse(`{"row": {"${key}": [{"when": null}]}}`) as unknown;
    expect(() => superjson.serialize(value)).toThrow(/prototype pollution/);
    expect(() => serializeForWire(value)).toThrow(/prototype pollution/);
  });

  it('reads back as the same value through superjson, for any plain answer', () => {
    const key = fc.string().filter((text) => !['__proto__', 'constructor', 'prototype'].includes(text));
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), (value) => {
        expect(superjson.deserialize(JSON.parse(JSON.stringify(serializeForWire(value))))).toEqual(value);
      }),
      { numRuns: 1_000 },
    );
  });
});
