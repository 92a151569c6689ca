import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { parseYaml, parseYamlDocuments } from './parse.js';

/**
 * Unless a test says otherwise, each expectation is what `kubectl kustomize` (Kustomize v5.5.0)
 * printed for a resource holding the same YAML, read back as data.
 */
function data(yaml: string): JsonObject {
  const [document] = parseYamlDocuments(`kind: Thing\ndata:\n${yaml}`, 'r.yaml');
  return (document as JsonObject).data as JsonObject;
}

function syntaxError(run: () => unknown): KustomizeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KustomizeError);
    return error as KustomizeError;
  }
  throw new Error('expected a KustomizeError');
}

describe('parseYamlDocuments: plain scalars resolve as yaml.v3 resolves them', () => {
  it('reads only true/false (three spellings) as booleans and null/~/empty as null', () => {
    expect(data('  a: true\n  b: False\n  c: TRUE\n  d: yes\n  e: on\n  f: y\n  g: null\n  h: ~\n  i:\n  j: Null\n  k: tRue\n')).toEqual({
      a: true, b: false, c: true, d: 'yes', e: 'on', f: 'y', g: null, h: null, i: null, j: null, k: 'tRue',
    });
  });

  it('reads integers with Go base prefixes and underscores, octal for a leading zero', () => {
    expect(data('  a: 0x_1F\n  b: 0b11\n  c: -0b11\n  d: 0o_17\n  e: +12\n  f: 010\n  g: 08\n  h: 1_000\n  i: 0x1F\n  j: 0b-1\n  k: -0\n')).toEqual({
      a: 31, b: 3, c: -3, d: 15, e: 12, f: 8, g: 8, h: 1000, i: 31, j: -1, k: 0,
    });
  });

  it('reads floats as Go does, leaving out-of-range and hexadecimal forms as strings', () => {
    expect(data('  a: 1e400\n  b: 1e-400\n  c: .5_5\n  d: 1_0.5\n  e: 0.1e1\n  f: 1.\n  g: -.5\n  h: 1e5\n  i: 09.5\n  j: 0x1p3\n  k: 1234567.5\n  l: -0.0\n')).toEqual({
      a: '1e400', b: 0, c: 0.55, d: 10.5, e: 1, f: 1, g: -0.5, h: 100000, i: 9.5, j: '0x1p3', k: 1234567.5, l: -0,
    });
  });

  it('keeps base-60 and other number-like text as strings', () => {
    expect(data('  a: 12:30\n  b: 1:2:3\n  c: 1.2.3\n  d: 0x\n')).toEqual({ a: '12:30', b: '1:2:3', c: '1.2.3', d: '0x' });
  });

  it('refuses NaN and infinities, which encoding/json cannot write', () => {
    expect(syntaxError(() => data('  a: .inf\n')).message).toMatch(/unsupported value: \+Inf/);
    expect(syntaxError(() => data('  a: .NaN\n')).message).toMatch(/unsupported value: NaN/);
  });

  it('reads quoted and block scalars as strings', () => {
    expect(data("  a: \"true\"\n  b: '1'\n  c: |\n    12\n  d: \"\"\n")).toEqual({ a: 'true', b: '1', c: '12\n', d: '' });
  });
});

describe('parseYamlDocuments: timestamps', () => {
  it('turns what Go parses as a timestamp into RFC 3339 text', () => {
    expect(
      data(
        '  g: !!timestamp 2001-12-14 21:59:43.10\n  h: 2001-12-14t21:59:43.10-05:00\n  i: 2001-12-14T21:59:43.123456789123Z\n' +
          '  j: 2001-1-2\n  l: 2001-12-14   21:59:43\n  n: 2001-12-14T21:59:43+00:00\n  o: 2001-12-14T21:59:43.100+05:30\n' +
          '  q: 0001-01-01\n  r: 2001-12-14 1:2:3\n  s: 2001-12-14\n',
      ),
    ).toEqual({
      g: '2001-12-14T21:59:43.1Z',
      h: '2001-12-14T21:59:43.1-05:00',
      i: '2001-12-14T21:59:43.123456789Z',
      j: '2001-01-02T00:00:00Z',
      l: '2001-12-14T21:59:43Z',
      n: '2001-12-14T21:59:43Z',
      o: '2001-12-14T21:59:43.1+05:30',
      q: '0001-01-01T00:00:00Z',
      r: '2001-12-14T01:02:03Z',
      s: '2001-12-14T00:00:00Z',
    });
  });

  it('leaves impossible dates and other layouts as they are', () => {
    expect(data('  k: 2001-02-30\n  m: 2001-12-14 21:59:43.10 -5\n  p: 2001-12-14T24:00:00Z\n  t: 2001-12-14T21:59:43\n')).toEqual({
      k: '2001-02-30',
      m: '2001-12-14 21:59:43.10 -5',
      p: '2001-12-14T24:00:00Z',
      t: '2001-12-14T21:59:43',
    });
  });
});

describe('parseYamlDocuments: block scalars at the end of the input', () => {
  it('has no final line break when the last line ends the input without one', () => {
    // kubectl kustomize read these values from files ending right after the block's last line.
    const last = (block: string): JsonValue => (parseYamlDocuments(`kind: Thing\na: ${block}`, 'r.yaml')[0] as JsonObject).a!;
    expect(last('|\n  x')).toBe('x');
    expect(last('|+\n  x')).toBe('x');
    expect(last('>\n  x\n  y')).toBe('x y');
    expect(last('|+\n  x\n')).toBe('x\n');
    expect(last('|\n  x\n  ')).toBe('x\n');
    expect(last('|+\n  x\n\n  ')).toBe('x\n\n');
  });
});

describe('parseYamlDocuments: tags', () => {
  it('honours standard tags and reads unknown tags as strings', () => {
    expect(data('  a: !!binary aGVsbG8=\n  b: !foo bar\n  c: !!str 12\n  d: !!float 12\n  e: ! 12\n  f: !!int "12"\n  s: !!binary |\n    aGVs\n    bG8=\n  t: !!binary "/w=="\n')).toEqual({
      a: 'hello', b: 'bar', c: '12', d: 12, e: 12, f: 12, s: 'hello', t: '\uFFFD',
    });
  });

  it('refuses a tag its text does not fit', () => {
    expect(syntaxError(() => data('  a: !!bool yes\n')).message).toMatch(/cannot decode !!str `yes` as a !!bool/);
    expect(syntaxError(() => data('  a: !!int 1.5\n')).message).toMatch(/cannot decode !!float `1.5` as a !!int/);
    expect(syntaxError(() => data('  a: !!binary "a b"\n')).message).toMatch(/invalid base64/);
  });
});

describe('parseYamlDocuments: quoted scalars as libyaml reads them', () => {
  it('accepts libyaml escapes, folds raw CR and NEL as line breaks', () => {
    expect(data('  a: "it\\\'s"\n  b: "x\\ty\\N\\_\\L\\P\\e"\n  c: "x\ry"\n  d: "a\\\n     b"\n  e: "a\n\n   b"\n  f: "x\u0085y"\n')).toEqual({
      a: "it's", b: 'x\ty\u0085\u00a0\u2028\u2029\u001b', c: 'x y', d: 'ab', e: 'a\nb', f: 'x y',
    });
  });

  it('refuses escapes libyaml does not know, even in a key that merging drops', () => {
    expect(syntaxError(() => data('  a: "\\/"\n')).message).toMatch(/unknown escape character/);
    expect(syntaxError(() => data('  "<<": "\\/"\n')).message).toMatch(/unknown escape character/);
    expect(syntaxError(() => data('  a: "\\uD800"\n')).message).toMatch(/invalid Unicode character escape code/);
  });

  it('refuses control characters anywhere in the input', () => {
    expect(syntaxError(() => data('  a: "x\u0080"\n')).message).toMatch(/control characters are not allowed/);
  });
});

describe('parseYamlDocuments: what kyaml\'s yaml.v3 re-encoding changes', () => {
  it('reads an empty value inside a flow collection as "" but an empty block value as null', () => {
    expect(data('  d1: {a: , b: 1}\n  d2: {? a}\n  d3:\n    ? a\n    b:\n  d5: [a: ]\n  d6: {a: ~}\n  d7: {a}\n  d8: [{a: }]\n')).toEqual({
      d1: { a: '', b: 1 },
      d2: { a: '' },
      d3: { a: null, b: null },
      d5: [{ a: '' }],
      d6: { a: null },
      d7: { a: '' },
      d8: [{ a: '' }],
    });
  });

  it('reads folded blocks as yaml.v3 writes and rereads them (an extra line break before a dedent)', () => {
    expect(data('  a: >+\n    x\n\n    y\n\n  b: >+\n    x\n    y\n\n  c: >+\n    x\n\n    y\n  d: >-\n    x\n\n    y\n\n\n')).toEqual({
      a: 'x\ny\n\n\n',
      b: 'x y\n\n\n',
      c: 'x\ny\n',
      d: 'x\ny',
    });
  });
});

describe('parseYamlDocuments: anchors and merge keys', () => {
  it('expands aliases and merges as kyaml does: own keys win, earlier merge sources win', () => {
    const document = data(
      '  base: &b {a: 1, b: 2}\n  other: &o {b: 3, c: 4}\n  m1:\n    <<: *b\n    a: 9\n  m2:\n    a: 9\n    <<: [*b, *o]\n' +
        "  m3:\n    '<<': q\n    z: 1\n  m4:\n    <<: {x: 1}\n  copy: *o\n",
    );
    expect(document).toEqual({
      base: { a: 1, b: 2 },
      other: { b: 3, c: 4 },
      m1: { a: 9, b: 2 },
      m2: { a: 9, b: 2, c: 4 },
      m3: { z: 1 },
      m4: { x: 1 },
      copy: { b: 3, c: 4 },
    });
  });

  it('refuses unknown anchors, self-references and merges of non-maps', () => {
    expect(syntaxError(() => data('  a: *nope\n')).message).toMatch(/unknown anchor 'nope'/);
    expect(syntaxError(() => data('  a: &x [*x]\n')).message).toMatch(/refers to a node that contains it/);
    expect(syntaxError(() => data('  s: &s [1]\n  a: {<<: *s}\n')).message).toMatch(/alias for a non-map value/);
    expect(syntaxError(() => data('  a: {<<: 1}\n')).message).toMatch(/map merge requires map or sequence of maps/);
  });

  it('stops a "billion laughs" expansion with limit-exceeded', () => {
    const levels = ['  l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) levels.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const error = syntaxError(() => data(`${levels.join('\n')}\n`));
    expect(error.code).toBe('limit-exceeded');
  });
});

describe('parseYamlDocuments: keys', () => {
  it('keeps the text of non-string keys of a resource\'s top level', () => {
    const [document] = parseYamlDocuments('kind: Thing\n1: a\ntrue: b\n1.50: c\n2001-12-14: d\n"q": e\n', 'r.yaml');
    expect(document).toEqual({ kind: 'Thing', 1: 'a', true: 'b', '1.50': 'c', '2001-12-14': 'd', q: 'e' });
  });

  it('refuses null keys, non-string keys below the top level, complex and duplicate keys', () => {
    expect(syntaxError(() => parseYamlDocuments('kind: Thing\n~: c\n', 'r.yaml')).message).toMatch(/must not be null/);
    expect(syntaxError(() => data('  1: a\n')).message).toMatch(/not a string \(!!int\)/);
    expect(syntaxError(() => data('  2001-12-14: a\n')).message).toMatch(/not a string \(!!timestamp\)/);
    expect(syntaxError(() => data('  ? [a]\n  : b\n')).message).toMatch(/must be a scalar/);
    const duplicate = syntaxError(() => data('  a: 1\n  a: 2\n'));
    expect(duplicate.message).toMatch(/line 4, column 3: mapping key "a" already defined at line 3, column 3/);
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const inner = data('  __proto__: {constructor: 1}\n');
    expect(Object.keys(inner)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner.__proto__ as JsonObject)).toEqual(['constructor']);
  });
});

describe('parseYamlDocuments: the stream', () => {
  it('splits at --- lines as kyaml does, returning null for empty documents', () => {
    // Separators do not overlap: of `---` twice in a row, the second opens the next document.
    const documents = parseYamlDocuments('a: 1\n---\n---\n# only comment\n---\n~\n--- # c\nb: 2\n', 'r.yaml');
    expect(documents).toEqual([{ a: 1 }, null, null, { b: 2 }]);
    expect(parseYamlDocuments('', 'r.yaml')).toEqual([]);
    expect(parseYamlDocuments('---\na: 1\n', 'r.yaml')).toEqual([{ a: 1 }]);
  });

  it('refuses a directive that the split cut off from its document, as kubectl does', () => {
    // kubectl kustomize: "did not find expected <document start>".
    expect(syntaxError(() => parseYamlDocuments('%YAML 1.1\n---\nkind: A\n', 'r.yaml')).message).toMatch(/expected <document start>/);
  });

  it('reads only the first document of a part ended by ...', () => {
    expect(parseYamlDocuments('kind: A\n...\nkind: B\n', 'r.yaml')).toEqual([{ kind: 'A' }]);
  });

  it('refuses content after a separator on its line', () => {
    const error = syntaxError(() => parseYamlDocuments('a: 1\n----\nb: 2\n', 'r.yaml'));
    expect(error.message).toMatch(/invalid document separator: ----/);
    expect(error.location.file).toBe('r.yaml');
  });

  it('reads a byte-order mark, CRLF line ends and a tab after a colon', () => {
    expect(parseYamlDocuments('\ufeffa: 1\r\nb:\tc\r\n', 'r.yaml')).toEqual([{ a: 1, b: 'c' }]);
  });

  it('names the file, document and line of a syntax error', () => {
    const error = syntaxError(() => parseYamlDocuments('a: 1\n---\nb: [1, 2\n', 'dir/r.yaml'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.location).toEqual({ file: 'dir/r.yaml', document: 1 });
    // `kubectl kustomize`: go-yaml counts lines within the document kustomize split off.
    expect(error.message).toBe("MalformedYAMLError: yaml: line 1: did not find expected ',' or ']' in File: dir/r.yaml");
    // The hint tells where in the file the `yaml` package stopped.
    expect(error.hint).toMatch(/^line 4, column \d+: /);
  });

  it('reports nesting too deep to read as limit-exceeded, not a crash', () => {
    const deepFlow = `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(syntaxError(() => parseYamlDocuments(deepFlow, 'r.yaml')).code).toBe('limit-exceeded');
    const deepBlock = `${'- '.repeat(5_000)}a\n`;
    expect(syntaxError(() => parseYamlDocuments(deepBlock, 'r.yaml')).code).toBe('limit-exceeded');
  });

  it('reads quoted scalars whose continuation lines are not indented, as libyaml does', () => {
    expect(data('  a: "x\ny"\n  b: "x\n"\n  c: \'p\nq\'\n  d: "x\\\n y"\n')).toEqual({ a: 'x y', b: 'x ', c: 'p q', d: 'xy' });
  });
});

describe('parseYaml', () => {
  it('reads one document, refusing a stream of several', () => {
    expect(parseYaml('a: 1\n', 'k.yaml')).toEqual({ a: 1 });
    expect(parseYaml('# nothing\n', 'k.yaml')).toBeNull();
    expect(syntaxError(() => parseYaml('a: 1\n---\nb: 2\n', 'k.yaml')).message).toMatch(/expected one YAML document, found 2/);
  });

  it('reads YAML with sigs.k8s.io/yaml rules when asked: YAML 1.1 booleans (keys too), later duplicates win', () => {
    // kubectl printed this value after a JSON 6902 patch added it (patches go through YAMLToJSON).
    const value = parseYaml(
      'a: yes\nb: off\nc: 2001-12-14\n1: one\n0x10: hex\n1.5: float\n3.14159265358979: pi\ntrue: bool\nd: {a: }\ne: 1\ne: 2\n' +
        'bb: &b {x: 1, y: 2}\nm:\n  x: 0\n  <<: *b\n  y: 3\nn: [*b]\nts: !!timestamp 2001-12-14\nf: 1.0\ng: 0o17\nh: 0b11\n---\nz: ignored\n',
      'k.yaml',
      { dialect: 'sigs-yaml' },
    );
    expect(value).toEqual({
      1: 'one',
      '1.5': 'float',
      '3.1415927': 'pi',
      16: 'hex',
      a: true,
      b: false,
      bb: { true: 2, x: 1 },
      c: '2001-12-14',
      d: { a: null },
      e: 2,
      f: 1,
      false: [{ true: 2, x: 1 }],
      g: 15,
      h: 3,
      // A merge overrides keys written before it (x), later keys override the merge.
      m: { true: 3, x: 1 },
      true: 'bool',
      ts: '2001-12-14',
    });
  });

  it('refuses null keys under sigs-yaml', () => {
    expect(syntaxError(() => parseYaml('~: a\n', 'k.yaml', { dialect: 'sigs-yaml' })).message).toMatch(/<nil>/);
  });
});

/** A JSON value survives parse → the same value when written as JSON (JSON is YAML). */
describe('parseYamlDocuments reads JSON', () => {
  it('reads a JSON document as the same value', () => {
    const value: JsonValue = { kind: 'Thing', a: [1, 1.5, 'x', null, true, { b: 'c\n' }], '': 'empty' };
    expect(parseYamlDocuments(JSON.stringify(value), 'r.json')).toEqual([value]);
  });
});
