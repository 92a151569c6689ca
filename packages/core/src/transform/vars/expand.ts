import type { JsonValue } from '../../json.js';
import { formatGoFloatG } from '../../yaml/go-number.js';

/** A var's value as substitution uses it: only strings, numbers and booleans replace a reference. */
export type VarValue = JsonValue;

/** The text a value takes inside a longer string (Go's `%v`): integers in full, other numbers as Go floats. */
function inlineText(value: string | number | boolean): string {
  if (typeof value === 'number' && !Number.isInteger(value)) return formatGoFloatG(value);
  return String(value);
}

function isPrimitive(value: VarValue | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Replaces `$(NAME)` references in `input`, as kustomize's refvar DoReplacements: `$$` is a literal `$`, an
 * unknown name (or one whose value is a map or list) stays as written, and an input that is exactly one
 * reference takes the value with its type (a number stays a number). Returns the input itself when nothing changed.
 * The names of the vars that replaced a reference are added to `used`.
 */
export function expandVarReferences(input: string, values: ReadonlyMap<string, VarValue>, used?: Set<string>): string | number | boolean {
  const lookup = (name: string): string | number | boolean => {
    const value = values.get(name);
    if (!isPrimitive(value)) return `$(${name})`;
    used?.add(name);
    return value;
  };
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1]!;
    let advance = 1;
    if (next === '$') {
      out += '$';
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$(';
      } else {
        const name = input.slice(cursor + 2, close);
        const mapped = lookup(name);
        if (input === `$(${name})`) return mapped;
        out += inlineText(mapped);
        advance = close - cursor;
      }
    } else {
      out += `$${next}`;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  const result = out + input.slice(checkpoint);
  return result === input ? input : result;
}
