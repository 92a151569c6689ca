import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { VarValue } from './expand.js';
import { expandVarReferences } from './expand.js';

// Expectations checked with `kubectl kustomize` (Kustomize v5.5.0): a Deployment whose template annotations,
// args and env values hold these strings, with vars PORT (80), NAME (svc), FLAG (true), F (1.5),
// BIG (1000000.0, a YAML float) and MAP (a map).
const values = new Map<string, VarValue>([
  ['PORT', 80],
  ['NAME', 'svc'],
  ['FLAG', true],
  ['F', 1.5],
  ['BIG', 1000000.5],
  ['MAP', { a: 'b' }],
]);

describe('expandVarReferences', () => {
  it('gives a field that is exactly one reference the value with its type', () => {
    expect(expandVarReferences('$(PORT)', values)).toBe(80);
    expect(expandVarReferences('$(FLAG)', values)).toBe(true);
    expect(expandVarReferences('$(F)', values)).toBe(1.5);
    expect(expandVarReferences('$(NAME)', values)).toBe('svc');
  });

  it('writes values inside longer strings as Go prints them', () => {
    expect(expandVarReferences('x$(PORT)y', values)).toBe('x80y');
    expect(expandVarReferences('$(F)$(FLAG)', values)).toBe('1.5true');
    expect(expandVarReferences('--p=$(PORT)', values)).toBe('--p=80');
    expect(expandVarReferences('a$(BIG)', values)).toBe('a1.0000005e+06');
  });

  it('leaves unknown names and map or list values as written', () => {
    expect(expandVarReferences('$(NOPE)', values)).toBe('$(NOPE)');
    expect(expandVarReferences('$(MAP)', values)).toBe('$(MAP)');
    expect(expandVarReferences('a$(MAP)b', values)).toBe('a$(MAP)b');
  });

  it('reads $$ as a literal $ and keeps malformed references', () => {
    expect(expandVarReferences('$$(NAME) $$ $(NOPE) $(NAME $(NAME)) $( $x $(NAME', values)).toBe('$(NAME) $ $(NOPE) $(NAME $(NAME)) $( $x $(NAME');
    expect(expandVarReferences('cost: 5$', values)).toBe('cost: 5$');
  });

  it('changes nothing in a string without references', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('$')), (s) => {
        expect(expandVarReferences(s, values)).toBe(s);
      }),
    );
  });
});

describe('numbers inside strings (Go %v)', () => {
  // kubectl kustomize printed `a1.0000005e+06 1.5e-05 1.2345675e+06` for `a$(BIG) $(SMALL) $(MID)`.
  it.each([
    [1000000.5, '1.0000005e+06'],
    [0.000015, '1.5e-05'],
    [1234567.5, '1.2345675e+06'],
    [-2.25, '-2.25'],
    [1000000, '1000000'],
  ])('writes %d as %s', (value, text) => {
    expect(expandVarReferences('<$(V)>', new Map([['V', value]]))).toBe(`<${text}>`);
  });
});
