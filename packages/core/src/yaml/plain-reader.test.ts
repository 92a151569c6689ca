import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonValue, recordedScalarNode } from '../json.js';
import { readDocumentFully, type YamlDialect } from './parse.js';
import { NOT_PLAIN, readPlainDocument } from './plain-reader.js';
import { normaliseLineEnds, splitDocuments } from './split.js';

/**
 * The plain reader is right when it agrees with the full reader (the `yaml` package and the converter),
 * which the rest of the suite checks against `kubectl kustomize`. So these tests compare the two: on
 * generated documents in and around the subset, on the examples and on a benchmark tree.
 */

function readPlain(text: string, dialect: YamlDialect): JsonValue | typeof NOT_PLAIN {
  return dialect === 'kyaml' ? readPlainDocument(text, 'v3', true) : readPlainDocument(text, 'v2', false);
}

/** The full reader's value, or its error's message. */
function readFully(text: string, dialect: YamlDialect): { value: JsonValue } | { error: string } {
  try {
    return { value: readDocumentFully(text, dialect) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * JSON text that tells apart what `toEqual` does not: key order, -0, `__proto__` as a key, and the scalar
 * nodes recorded beside the values (scalar-nodes.ts).
 */
function exact(value: JsonValue): string {
  const seen = (item: JsonValue): unknown => {
    if (Array.isArray(item)) return item.map((element, index) => [seen(element), recordedScalarNode(item, String(index)) ?? null]);
    if (item !== null && typeof item === 'object') {
      if (Object.getPrototypeOf(item) !== Object.prototype) return '<not a plain object>';
      return Object.keys(item).map((key) => [key, seen(item[key]!), recordedScalarNode(item, key) ?? null]);
    }
    return typeof item === 'number' && Object.is(item, -0) ? '-0' : item;
  };
  return JSON.stringify(seen(value));
}

/** Checks that wherever the plain reader gives a value, the full reader gives the same one. */
function expectAgreement(text: string, dialect: YamlDialect): boolean {
  const plain = readPlain(text, dialect);
  if (plain === NOT_PLAIN) return false;
  const full = readFully(text, dialect);
  expect(full, `the full reader refuses what the plain reader read:\n${text}`).toHaveProperty('value');
  expect(exact(plain), text).toBe(exact((full as { value: JsonValue }).value));
  return true;
}

describe('readPlainDocument: what it reads', () => {
  const manifest = [
    '# A typical manifest',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels: &labels',
    '    app: web',
    '  annotations:',
    '    prometheus.io/scrape: "true"',
    "    note: 'it''s here'  # a comment",
    'spec:',
    '  replicas: 3',
    '  paused: # no value',
    '  selector:',
    '    matchLabels: *labels',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: nginx:1.25',
    '        args: ["--port=80", -v, 2]',
    '        command:',
    '          - sh',
    '          - -c',
    '          - |',
    '            echo hello',
    '            exit 0',
    '        resources: {}',
    '        env: []',
    '        ports:',
    '        - containerPort: 8080',
    '          protocol: TCP',
    '',
  ].join('\n');

  it('reads a typical Kubernetes manifest itself, as the full reader does', () => {
    expect(readPlain(manifest, 'kyaml')).not.toBe(NOT_PLAIN);
    expect(expectAgreement(manifest, 'kyaml')).toBe(true);
    expect(expectAgreement(manifest, 'sigs-yaml')).toBe(true);
  });

  it('reads scalars with the dialect’s meaning', () => {
    const text = 'a: yes\nb: 0o17\nc: 2001-12-14\nd: 1.5\ne: ~\nf:\n';
    expect(readPlain(text, 'kyaml')).toEqual({ a: 'yes', b: 15, c: '2001-12-14T00:00:00Z', d: 1.5, e: null, f: null });
    expect(readPlain(text, 'sigs-yaml')).toEqual({ a: true, b: 15, c: '2001-12-14', d: 1.5, e: null, f: null });
  });

  it('keeps `__proto__` as a key', () => {
    const value = readPlain('__proto__:\n  polluted: true\n', 'kyaml') as Record<string, JsonValue>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: &x\n  b: 1\nc:\n  <<: *x\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"\n'],
    ['a complex key', '? a\n: b\n'],
    ['a directive', '%YAML 1.2\n---\na: b\n'],
    ['a second document', 'a: b\n---\nc: d\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['an alias to an unknown anchor', 'a: *x\n'],
    ['an alias inside its own anchor', 'a: &x\n  b: *x\n'],
    ['a key that is not a string below the top', 'a:\n  1: b\n'],
    ['a null key', '~: b\n'],
    ['an infinity', 'a: .inf\n'],
    ['a bad escape', 'a: "\\q"\n'],
    ['a nested flow collection', 'a: [[b]]\n'],
    ['a flow mapping with entries', 'a: {b: c}\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   b\n'],
    ['a line separator', 'a: b\u2028c\n'],
  ])('leaves %s to the full reader', (_, text) => {
    expect(readPlain(text, 'kyaml')).toBe(NOT_PLAIN);
  });

  it('leaves nesting deeper than it follows to the full reader', () => {
    const deep = Array.from({ length: 150 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
    expect(readPlain(`${deep} v\n`, 'kyaml')).toBe(NOT_PLAIN);
  });
});

// ---- generated documents ----

/** Scalar texts of every shape go-yaml resolves, and strings that look like them. */
const scalarTexts = fc.constantFrom(
  ...['0', '-0', '+12', '010', '08', '0x1F', '0o17', '0b11', '-0b11', '1_000', '0x_1F', '9223372036854775807', '9223372036854775808', '18446744073709551616', '-9223372036854775809'],
  ...['1.5', '.5', '-.5', '1.', '1e5', '1e400', '-0.0', '.inf', '-.Inf', '.NaN', '1_0.5', '0x1p3', '09.5'],
  ...['true', 'True', 'TRUE', 'false', 'tRue', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'Y'],
  ...['null', 'Null', 'NULL', '~', ''],
  ...['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10', '2001-12-15T02:59:43.1Z', '2000-02-30', '2001-12-14T21:59:43+25:00', '1:20', '12:30:00'],
  ...['a', 'web', 'hello world', 'a:b', 'http://x#y', 'a #b', 'a: b', '-x', '--port=80', '- x', '-', '<<', '__proto__', 'constructor'],
  ...["it's", '"q"', '[a]', '{a}', '@x', '`x`', '%x', '!x', '&x', '*x', '? x', ': x', 'a,b', '#x', ' x', 'x ', 'é', '日本', '---', '...', 'a\tb', 'a\\b'],
);

/** Short texts of the characters that matter to YAML's syntax. */
const oddTexts = fc.string({ unit: fc.constantFrom('a', '1', ' ', ':', '#', '-', "'", '"', '\\', '.', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '~', '\t', 'e', '+', '_', '0', 'x'), maxLength: 6 });

const anyText = fc.oneof({ weight: 12, arbitrary: scalarTexts }, { weight: 1, arbitrary: oddTexts });

/** A scalar written plain, quoted or with escapes, maybe followed by spaces and a comment. */
const scalarSource = fc
  .tuple(anyText, fc.constantFrom('plain', 'plain', 'plain', 'single', 'double', 'escaped'), fc.constantFrom('', '', '', '', ' ', '  # note', ' #', '#x'))
  .map(([text, style, tail]) => {
    const written =
      style === 'plain'
        ? text
        : style === 'single'
          ? `'${text.replaceAll("'", "''")}'`
          : style === 'double'
            ? JSON.stringify(text)
            : `"${[...text].map((char) => (/[a-z]/.test(char) ? `\\x${char.charCodeAt(0).toString(16)}` : char === '"' ? '\\"' : char === '\\' ? '\\/' : char)).join('')}"`;
    return `${written}${tail}`;
  });

const keySource = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('name', 'kind', 'app.kubernetes.io/name', 'a', 'b', 'x-y', 'key with space') },
  { weight: 2, arbitrary: fc.constantFrom('1', 'true', 'yes', 'null', '~', '1.5', '2001-12-14', '<<', '__proto__', '"quoted"', "'single'", '"a"', '""', 'a:b', 'a b ', '-k', '?k') },
  { weight: 1, arbitrary: oddTexts.filter((text) => text !== '' && !text.includes('\n')) },
);

const blockScalar = fc
  .tuple(
    fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '| # c', '>x'),
    fc.array(fc.constantFrom('line', '  more', '', ' ', 'a b', '\tTab', '# not a comment', 'x  ', '---'), { minLength: 0, maxLength: 4 }),
  )
  .map(([header, lines]) => ({ header, lines }));

type Tree =
  | { readonly kind: 'scalar'; readonly source: string }
  | { readonly kind: 'block'; readonly header: string; readonly lines: readonly string[] }
  | { readonly kind: 'alias'; readonly name: string }
  | { readonly kind: 'flow'; readonly source: string }
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<readonly [string, Tree]>; readonly anchor?: string }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly anchor?: string };

const anchorName = fc.option(fc.constantFrom('a', 'b', 'x-1'), { freq: 4 }).map((name) => name ?? undefined);

const flowSource = fc.oneof(
  fc.constantFrom('[]', '{}', '[ ]', '{ }', '[a, b]', '[a,b]', '[ "x", \'y\' ]', '[1, true, ~]', '[a, ]', '[, a]', '[a b]', '[a: b]', '[-1, -]', '[a #c]', '[[a]]', '{a: b}'),
  fc.array(scalarSource.filter((text) => !text.includes('#')), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
);

const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('scalar' as const), source: scalarSource }) },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
    { weight: 1, arbitrary: blockScalar.map((block) => ({ kind: 'block' as const, ...block })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('alias' as const), name: fc.constantFrom('a', 'b', 'x-1', 'none') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('flow' as const), source: flowSource }) },
  ),
  map: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(keySource, tie('tree')), { minLength: 1, maxLength: 4 }), anchor: anchorName }),
  seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), anchor: anchorName }),
}));

/** How a document is laid out: the indentation step, and where sequences go. */
interface Layout {
  readonly step: number;
  /** Sequences under a key at the key's own indentation, as Kubernetes tools write them. */
  readonly sequenceAtKeyIndent: boolean;
  /** Mappings in sequences start on the `-` line. */
  readonly compactItems: boolean;
}

const layout = fc.record({ step: fc.constantFrom(1, 2, 2, 4), sequenceAtKeyIndent: fc.boolean(), compactItems: fc.boolean() });

/** The lines of `node` as the value after `key:` or `-` at indentation `indent` (the `lead` line is the key or dash). */
function render(node: Tree, indent: number, lead: string, inSequence: boolean, style: Layout): string[] {
  const pad = ' '.repeat(indent);
  switch (node.kind) {
    case 'scalar':
    case 'flow':
      return [`${lead} ${node.source}`];
    case 'alias':
      return [`${lead} *${node.name}`];
    case 'block':
      return [`${lead} ${node.header}`, ...node.lines.map((line) => (line === '' ? '' : `${pad}${' '.repeat(style.step)}${line}`))];
    case 'map':
    case 'seq': {
      const anchor = node.anchor === undefined ? '' : ` &${node.anchor}`;
      const childIndent = node.kind === 'seq' && style.sequenceAtKeyIndent && !inSequence && lead !== '' ? indent : indent + style.step;
      const body = node.kind === 'map' ? renderMap(node.entries, childIndent, style) : renderSeq(node.items, childIndent, style);
      if (style.compactItems && inSequence && anchor === '' && lead.endsWith('-')) {
        // `- key: value` with the rest of the mapping (or sequence) under it.
        const first = body[0]!.slice(childIndent);
        const dashIndent = lead.length + 1;
        const reindented = body.slice(1).map((line) => (line.startsWith(' '.repeat(childIndent)) ? ' '.repeat(dashIndent) + line.slice(childIndent) : line));
        if (childIndent === dashIndent || body.length === 1) return [`${lead} ${first}`, ...reindented];
      }
      return lead === '' ? body : [`${lead}${anchor}`, ...body];
    }
  }
}

function renderMap(entries: ReadonlyArray<readonly [string, Tree]>, indent: number, style: Layout): string[] {
  return entries.flatMap(([key, value]) => render(value, indent, `${' '.repeat(indent)}${key}:`, false, style));
}

function renderSeq(items: readonly Tree[], indent: number, style: Layout): string[] {
  return items.flatMap((item) => render(item, indent, `${' '.repeat(indent)}-`, true, style));
}

/** A whole document: a mapping or sequence at the top, maybe after a comment or `---`, with trailing spaces here and there. */
const documentText = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(keySource, tree), { minLength: 1, maxLength: 5 }) }) }, { weight: 1, arbitrary: tree }),
    layout,
    fc.constantFrom('', '', '---\n', '# head\n', '--- # c\n', '\n'),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.constantFrom('\n', '', '\n\n', '\n# tail\n'),
  )
  .map(([root, style, head, noise, tail]) => {
    const lines = root.kind === 'map' ? renderMap(root.entries, 0, style) : root.kind === 'seq' ? renderSeq(root.items, 0, style) : render(root, 0, '', false, style);
    // Comments, blank lines and trailing spaces between lines.
    for (const at of noise) {
      const index = at % (lines.length + 1);
      const kind = at % 3;
      if (kind === 0) lines.splice(index, 0, `${' '.repeat(at % 5)}# comment`);
      else if (kind === 1) lines.splice(index, 0, '');
      else if (index < lines.length) lines[index] = `${lines[index]}  `;
    }
    return head + lines.join('\n') + tail;
  });

/** A document with a few characters changed: the edges of the subset. */
const mutatedText = fc
  .tuple(documentText, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '  ', '\n', '\t', ':', '- ', '#', '"', "'", '\\', '&a ', '*a', '!', '|', '[', ']', '{', '}', ',', '?', '---\n', '...', '%', '~', '\u2028', '\r')), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let result = text;
    for (const [at, insert] of edits) {
      const index = at % (result.length + 1);
      result = insert === '' ? result.slice(0, index) + result.slice(index + 1) : result.slice(0, index) + insert + result.slice(index);
    }
    return result;
  });

describe('readPlainDocument agrees with the full reader', () => {
  for (const dialect of ['kyaml', 'sigs-yaml'] as const) {
    it(`on generated documents (${dialect}), and reads most of them itself`, () => {
      let read = 0;
      let runs = 0;
      fc.assert(
        fc.property(documentText, (text) => {
          runs++;
          if (expectAgreement(text, dialect)) read++;
        }),
        { numRuns: 1500 },
      );
      // Generated documents stay near the subset on purpose, so a good share of them must be read.
      expect(read / runs).toBeGreaterThan(0.2);
    });

    it(`on generated documents with a few characters changed (${dialect})`, () => {
      fc.assert(
        fc.property(mutatedText, (text) => {
          expectAgreement(text, dialect);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('on a benchmark tree and the examples, reading nearly all of their documents itself', async () => {
    const { generateTree } = (await import('../../../../bench/generate-tree.mjs')) as {
      generateTree: (options: { dir: string; resources: number; overlays: number; patches: number }) => unknown;
    };
    const dir = mkdtempSync(join(tmpdir(), 'plain-reader-'));
    try {
      generateTree({ dir, resources: 100, overlays: 3, patches: 10 });
      const examples = new URL('../../../../examples/', import.meta.url).pathname;
      let documents = 0;
      let read = 0;
      for (const root of [dir, examples]) {
        const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name));
        for (const entry of files) {
          const text = normaliseLineEnds(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
          const kustomization = /^kustomization\.ya?ml$/.test(entry.name);
          for (const chunk of kustomization ? [{ text }] : splitDocuments(text)) {
            documents++;
            if (expectAgreement(chunk.text, kustomization ? 'sigs-yaml' : 'kyaml')) read++;
          }
        }
      }
      expect(documents).toBeGreaterThan(200);
      expect(read / documents).toBeGreaterThan(0.98);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readPlainDocument: scalar nodes beside the values', () => {
  it('records what kyaml sees beyond the JSON value, as the full reader does', () => {
    const text = 'a: 1.50\nb:\nc: ~\nd: 2001-12-14\ne: [0x10, 7, True]\nf: plain\ng: 8080\nh:\n- \n';
    const plain = readPlain(text, 'kyaml') as Record<string, JsonValue>;
    expect(recordedScalarNode(plain, 'a')).toEqual({ text: '1.50', tag: '!!float' });
    expect(recordedScalarNode(plain, 'b')).toEqual({ text: '', tag: '!!null' });
    expect(recordedScalarNode(plain, 'c')).toEqual({ text: '~', tag: '!!null' });
    expect(recordedScalarNode(plain, 'd')).toEqual({ text: '2001-12-14', tag: '!!timestamp' });
    expect(recordedScalarNode(plain.e as JsonValue[], '0')).toEqual({ text: '0x10', tag: '!!int' });
    expect(recordedScalarNode(plain.e as JsonValue[], '2')).toEqual({ text: 'True', tag: '!!bool' });
    for (const key of ['f', 'g']) expect(recordedScalarNode(plain, key)).toBeUndefined();
    expect(expectAgreement(text, 'kyaml')).toBe(true);
  });
});
