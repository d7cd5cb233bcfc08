import superjson, { type SuperJSONResult } from 'superjson';

/** Raised inside the walk when a value needs more than this writer knows: superjson takes over. */
const NEEDS_SUPERJSON = Symbol('needs superjson');

// One note object for every date (and every undefined) of an answer: a queue of 200 callbacks
// carries some 750 of them, and superjson only reads them.
const NOTES = { Date: ['Date'], undefined: ['undefined'] } as const;

const escapeKey = (key: string) => (key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

/**
 * superjson's wire format for what procedures return: plain objects, arrays, strings, finite
 * numbers, booleans, null, undefined and dates. superjson itself walks every value several
 * times (types, paths, shared references) and copies the answer, and was a sixth of Harbour's
 * CPU on a list of 200 callbacks. This walks the answer once, copying nothing: it only notes
 * where the dates and undefineds are, and the answer itself is the `json` part, since
 * JSON.stringify writes a date as superjson does (its ISO string) and leaves out an undefined
 * member as superjson's own JSON does. The result is for JSON.stringify, as tRPC uses it; the
 * web still reads it with superjson.deserialize. Anything else (a Map, a bigint, NaN, a class
 * instance) goes to superjson whole, so nothing changes meaning; the one difference is that a
 * value met twice is sent twice rather than as a shared reference, which plain data read from
 * the database never needs.
 */
export function serializeForWire(value: unknown): SuperJSONResult {
  const values: Record<string, (typeof NOTES)[keyof typeof NOTES]> = {};
  let annotated = false;
  // The path is kept as segments and joined only for a value that needs a note: building it
  // for every member was most of this function's garbage.
  const segments: string[] = [];

  const note = (type: 'Date' | 'undefined') => {
    if (segments.length === 0) throw NEEDS_SUPERJSON;
    values[segments.join('.')] = NOTES[type];
    annotated = true;
  };

  const walk = (node: unknown): void => {
    switch (typeof node) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(node) || Object.is(node, -0)) throw NEEDS_SUPERJSON;
        return;
      case 'undefined':
        note('undefined');
        return;
      case 'object': {
        if (node === null) return;
        if (Array.isArray(node)) {
          for (let index = 0; index < node.length; index++) {
            segments.push(String(index));
            walk(node[index]);
            segments.pop();
          }
          return;
        }
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime()) || Object.hasOwn(node, 'toJSON')) throw NEEDS_SUPERJSON;
          note('Date');
          return;
        }
        const prototype = Object.getPrototypeOf(node);
        if (prototype !== Object.prototype && prototype !== null) throw NEEDS_SUPERJSON;
        for (const key in node) {
          // superjson refuses these three keys anywhere (prototype pollution); it says so.
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw NEEDS_SUPERJSON;
          segments.push(escapeKey(key));
          walk((node as Record<string, unknown>)[key]);
          segments.pop();
        }
        return;
      }
      default:
        throw NEEDS_SUPERJSON;
    }
  };

  try {
    walk(value);
    const json = value as SuperJSONResult['json'];
    return annotated ? { json, meta: { values, v: 1 } as SuperJSONResult['meta'] } : { json };
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw error;
  }
}

/** Inputs arrive from the web through superjson; answers leave through serializeForWire. */
export const wireTransformer = {
  input: superjson,
  output: { serialize: serializeForWire, deserialize: (data: SuperJSONResult) => superjson.deserialize(data) },
};
