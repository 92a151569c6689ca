import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { emitYaml } from './emit.js';
import { parseYamlDocuments } from './parse.js';

/**
 * Strings that stress quoting, folding and block styles. LS and PS are left out: libyaml reads
 * them as line breaks, the `yaml` package does not (a documented difference), so a string holding
 * one does not read back from our own output.
 */
const pieces = [' ', '  ', '\n', '\t', ':', ': ', ' #', '#', '-', '- ', '?', "'", '"', '\\', '*', '&', '!', '|', '>', '%', '@', '`', ',', '[', '{', '}', '.', '~', '0', '1', '9', 'e', 'x', 'y', 'n', 'é', '😀', '\u00a0', '\ufeff', '\u0085', '\r', '\u0000', '\u001b', 'yes', 'null', 'true', '0x1F', '1e3', '2001-12-14', '1:20', '---', '...', 'word', 'x'.repeat(40)];
const trickyString = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 16 }).map((s) => s.replace(/[\p{Cs}\u2028\u2029\u007f-\u0084\u0086-\u009f\ufffe\uffff]/gu, '')),
);
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, 1234567.5, 0.00001, -0));
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    number,
    trickyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString.filter((key) => !key.includes('\u0085')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The printed value, or undefined where kustomize's printer fails too (a NEL before `---`, say). */
function printable(value: JsonValue): string | undefined {
  try {
    return emitYaml(value);
  } catch (error) {
    if (error instanceof KustomizeError && error.code === 'invalid-resource') return undefined;
    throw error;
  }
}

describe('emitYaml and parseYamlDocuments', () => {
  it('read back what they print: emit(parse(emit(x))) === emit(x)', () => {
    fc.assert(
      fc.property(json, (value) => {
        const printed = printable({ x: value });
        fc.pre(printed !== undefined);
        const [reread] = parseYamlDocuments(printed, 'out.yaml');
        expect(emitYaml(reread as JsonValue)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('always end a document with a newline', () => {
    fc.assert(fc.property(json, (value) => printable(value)?.endsWith('\n') ?? true), { numRuns: 200 });
  });
});
