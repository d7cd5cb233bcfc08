import superjson, { type SuperJSONResult } from 'superjson';

/** Raised inside the walk when a value needs more than this writer knows: superjson takes over. */
const NEEDS_SUPERJSON = Symbol('needs superjson');

const escapeKey = (key: string) => (key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

/**
 * superjson's wire format, written in one pass for what procedures return: plain objects,
 * arrays, strings, finite numbers, booleans, null, undefined and dates. superjson itself walks
 * every value several times (types, paths, shared references) and was a sixth of Harbour's
 * CPU on a list of 200 callbacks. The web still reads it with superjson.deserialize. Anything
 * else (a Map, a bigint, NaN, a class instance) goes to superjson whole, so nothing changes
 * meaning; the one difference is that a value met twice is sent twice rather than as a shared
 * reference, which plain data read from the database never needs.
 */
export function serializeForWire(value: unknown): SuperJSONResult {
  const values: Record<string, ['Date'] | ['undefined']> = {};
  let annotated = false;

  const walk = (node: unknown, path: string | null): unknown => {
    switch (typeof node) {
      case 'string':
      case 'boolean':
        return node;
      case 'number':
        if (!Number.isFinite(node) || Object.is(node, -0)) throw NEEDS_SUPERJSON;
        return node;
      case 'undefined':
        if (path === null) throw NEEDS_SUPERJSON;
        values[path] = ['undefined'];
        annotated = true;
        return null;
      case 'object': {
        if (node === null) return null;
        if (Array.isArray(node)) {
          const copy = new Array<unknown>(node.length);
          for (let index = 0; index < node.length; index++) copy[index] = walk(node[index], path === null ? String(index) : `${path}.${index}`);
          return copy;
        }
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime()) || path === null) throw NEEDS_SUPERJSON;
          values[path] = ['Date'];
          annotated = true;
          return node.toISOString();
        }
        const prototype = Object.getPrototypeOf(node);
        if (prototype !== Object.prototype && prototype !== null) throw NEEDS_SUPERJSON;
        const copy: Record<string, unknown> = {};
        for (const key in node) {
          if (key === '__proto__') throw NEEDS_SUPERJSON;
          const escaped = escapeKey(key);
          copy[key] = walk((node as Record<string, unknown>)[key], path === null ? escaped : `${path}.${escaped}`);
        }
        return copy;
      }
      default:
        throw NEEDS_SUPERJSON;
    }
  };

  try {
    const json = walk(value, null) as SuperJSONResult['json'];
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
