import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoRegExp, GoRegExpError } from './regexp.js';

const matches = (pattern: string, text: string) => GoRegExp.compile(pattern).test(text);

describe('GoRegExp', () => {
  it('answers in linear time where a backtracking engine takes exponential time', () => {
    // JavaScript's RegExp needs about 2^40 steps for each of these; a linear engine needs a few thousand.
    const started = performance.now();
    expect(matches('^(?:(a|a)*)$', `${'a'.repeat(40)}b`)).toBe(false);
    expect(matches('^(a+)+$', `${'a'.repeat(40)}!`)).toBe(false);
    expect(matches('(a?){40}a{40}', 'a'.repeat(40))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('searches anywhere in the text unless anchored, as Go MatchString', () => {
    expect(matches('web', 'my-web-1')).toBe(true);
    expect(matches('^(?:web)$', 'my-web-1')).toBe(false);
    expect(matches('x*', '')).toBe(true);
    expect(matches('^$', '')).toBe(true);
    expect(matches('a$', 'a\n')).toBe(false);
    expect(matches('(?m)a$', 'a\nb')).toBe(true);
    expect(matches('.', '\n')).toBe(false);
    expect(matches('(?s).', '\n')).toBe(true);
  });

  // Verified with kubectl kustomize (v5.5.0): a patch target name `(?i)WEB-\pN` selects `web-1`, `[[:alpha:]]{2}` selects `db`.
  it('reads Go syntax JavaScript lacks or reads differently', () => {
    expect(matches('^(?:(?i)WEB-\\pN)$', 'web-1')).toBe(true);
    expect(matches('^(?:[[:alpha:]]{2})$', 'db')).toBe(true);
    expect(matches('\\p{Greek}', 'λ')).toBe(true);
    expect(matches('\\PL', 'abc')).toBe(false);
    expect(matches('\\Q.*\\E', 'a.*b')).toBe(true);
    expect(matches('\\Q.*\\E', 'ab')).toBe(false);
    expect(matches('\\x{263a}|\\x41', 'A')).toBe(true);
    expect(matches('\\101', 'A')).toBe(true);
    expect(matches('\\s', '\u00a0')).toBe(false); // Go's \s is ASCII only
    expect(matches('\\w', 'é')).toBe(false); // and so is \w
    expect(matches('(?P<name>a)b', 'ab')).toBe(true);
    expect(matches('a\\b', 'a b')).toBe(true);
    expect(matches('a\\B', 'a b')).toBe(false);
    expect(matches('\\Aa\\z', 'a')).toBe(true);
    expect(matches('(?i)[a-c]+', 'XBY')).toBe(true);
    expect(matches('[^a-c]', 'abc')).toBe(false);
    expect(matches('[]a]', ']')).toBe(true);
    expect(matches('a{2,}', 'aa')).toBe(true);
    expect(matches('a{,2}', 'a{,2}')).toBe(true); // not a repetition: literal text, as in Go
  });

  it('refuses what Go refuses, with Go messages', () => {
    const message = (pattern: string) => {
      try {
        GoRegExp.compile(pattern);
        return 'compiled';
      } catch (error) {
        expect(error).toBeInstanceOf(GoRegExpError);
        return (error as Error).message;
      }
    };
    // The first verified with kubectl kustomize: a selector name `[` fails with this text.
    expect(message('^(?:[)$')).toBe('error parsing regexp: missing closing ]: `[)$`');
    expect(message('(')).toBe('error parsing regexp: missing closing ): `(`');
    expect(message('a)')).toBe('error parsing regexp: unexpected ): `a)`');
    expect(message('a**')).toBe('error parsing regexp: invalid nested repetition operator: `**`');
    expect(message('*a')).toBe('error parsing regexp: missing argument to repetition operator: `*`');
    expect(message('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(message('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(message('(?=a)')).toContain('invalid or unsupported Perl syntax');
    expect(message('[z-a]')).toBe('error parsing regexp: invalid character class range: `z-a`');
    const deep = `${'('.repeat(1001)}${')'.repeat(1001)}`;
    expect(message(deep)).toBe(`error parsing regexp: expression nests too deeply: \`${deep}\``);
    // Verified with kubectl kustomize, in a patch target's name (which kustomize wraps in `^(?:…)$`) or, unwrapped,
    // in a replacement's `[name=…]` path element.
    expect(message('((a{1000}){1000}){1000}')).toBe('error parsing regexp: invalid repeat count: `{1000}`');
    expect(message('(?:a{1000}){2}')).toBe('error parsing regexp: invalid repeat count: `{2}`');
    expect(message('x{2}{3}')).toBe('error parsing regexp: invalid nested repetition operator: `{2}{3}`');
    expect(message('a**?')).toBe('error parsing regexp: invalid nested repetition operator: `**?`');
    expect(message('*?')).toBe('error parsing regexp: missing argument to repetition operator: `*?`');
    expect(message('[a-\\d]')).toBe('error parsing regexp: invalid escape sequence: `\\d`');
    expect(message('(?<=x)a')).toBe('error parsing regexp: invalid named capture: `(?<=x)a`');
    expect(message('(?**')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?*`');
    expect(message('a\\')).toBe('error parsing regexp: trailing backslash at end of expression: ``');
    expect(message('\\x{110000}')).toBe('error parsing regexp: invalid escape sequence: `\\x{110000`');
    expect(message('a(?<')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
    expect(message('[[::]]')).toBe('error parsing regexp: invalid character class range: `[::]`');
    expect(message('[\\😀]')).toBe('error parsing regexp: invalid escape sequence: `\\😀`');
    expect(message('a{2}(?i){1000}')).toBe('error parsing regexp: invalid repeat count: `{1000}`');
    expect(message('[[:]x')).toBe('compiled');
  });

  it('accepts a group name used twice, as Go does, and keeps the names a message quotes', () => {
    // Verified with kubectl kustomize: a patch target name `(?P<n>a)|(?P<n>b)` selects `a`.
    expect(matches('^(?:(?P<n>a)|(?P<n>b))$', 'b')).toBe(true);
    expect(matches('(?<n>a)(?P<n>b)[(?P<n>]\\Q(?P<n>\\E(?P<n>c)', 'ab((?P<n>c')).toBe(true);
    expect(() => GoRegExp.compile('(?P<n>a)(?P<n>b')).toThrow('error parsing regexp: missing closing ): `(?P<n>a)(?P<n>b`');
  });

  it('agrees with JavaScript on the syntax both share', () => {
    const atom = fc.oneof(fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\d', 'x'), fc.constantFrom('^', '$'));
    const pattern = fc.letrec<{ expression: string; term: string }>((tie) => ({
      expression: fc.oneof({ depthSize: 'small' }, tie('term'), fc.tuple(tie('term'), tie('term')).map(([a, b]) => `${a}|${b}`)),
      term: fc
        .array(fc.tuple(fc.oneof(atom, tie('expression').map((inner) => `(${inner})`)), fc.constantFrom('', '*', '+', '?', '{1,2}', '{2}')), { minLength: 1, maxLength: 4 })
        .map((parts) => parts.map(([item, quantifier]) => (['^', '$'].includes(item) ? item : `${item}${quantifier}`)).join('')),
    })).expression;
    fc.assert(
      fc.property(pattern, fc.string({ unit: fc.constantFrom('a', 'b', 'x', '1', '\n'), maxLength: 8 }), (source, text) => {
        expect(matches(source, text)).toBe(new RegExp(source).test(text));
      }),
      { numRuns: 500 },
    );
    // Anchored as kustomize anchors selectors, and anchored at the start only: the literal shortcuts must agree.
    const anchoring = fc.constantFrom((p: string) => `^(?:${p})$`, (p: string) => `^${p}`, (p: string) => `^ab${p}`, () => '^ab$', () => '^(?:a(?:b))x');
    fc.assert(
      fc.property(pattern, anchoring, fc.string({ unit: fc.constantFrom('a', 'b', 'x', '1', '\n'), maxLength: 8 }), (inner, anchor, text) => {
        const source = anchor(inner);
        expect(matches(source, text)).toBe(new RegExp(source).test(text));
      }),
      { numRuns: 500 },
    );
  });
});
