import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../json.js';
import { parseReplacementFile, parseReplacements } from './types.js';
import { errorOf } from '../../test-support.js';

describe('parseReplacements', () => {
  it('reads sources, targets, selectors and options', () => {
    const parsed = parseReplacements(
      [
        {
          source: { kind: 'ConfigMap', name: 'src', fieldPath: 'data.a', options: { delimiter: '-', index: 1 } },
          targets: [{ select: { kind: 'Deployment', labelSelector: 'app=x' }, reject: [{ name: 'skip' }], fieldPaths: ['spec.x'], options: { create: true } }],
        },
      ],
      'kustomization.yaml',
    );
    expect(parsed).toEqual([
      {
        source: { group: '', version: '', kind: 'ConfigMap', name: 'src', namespace: '', fieldPath: 'data.a', options: { delimiter: '-', index: 1, encoding: '', create: false } },
        targets: [
          {
            select: { group: '', version: '', kind: 'Deployment', name: '', namespace: '', annotationSelector: '', labelSelector: 'app=x' },
            reject: [{ group: '', version: '', kind: '', name: 'skip', namespace: '', annotationSelector: '', labelSelector: '' }],
            fieldPaths: ['spec.x'],
            options: { delimiter: '', index: 0, encoding: '', create: true },
          },
        ],
      },
    ]);
  });

  it('treats null as no replacements', () => {
    expect(parseReplacements(null, 'k.yaml')).toEqual([]);
  });

  // kubectl kustomize: "replacements must specify a source and at least one target", also for `targets: []` inline.
  it.each<[string, JsonValue]>([
    ['no source', { targets: [{ select: {} }] }],
    ['no targets', { source: { kind: 'ConfigMap' } }],
    ['empty targets', { source: { kind: 'ConfigMap' }, targets: [] }],
  ])('requires a source and targets (%s)', (_, entry) => {
    const error = errorOf(() => parseReplacements([entry], 'k.yaml'));
    expect(error.message).toBe('replacements must specify a source and at least one target');
    expect(error.location).toEqual({ file: 'k.yaml', field: 'replacements[0]' });
  });

  it('requires a select in each target', () => {
    const error = errorOf(() => parseReplacements([{ source: {}, targets: [{ fieldPaths: ['a'] }] }], 'k.yaml'));
    expect(error.message).toBe('target must specify resources to select');
    expect(error.location.field).toBe('replacements[0].targets[0].select');
  });

  it('names the field holding a value of the wrong type', () => {
    const error = errorOf(() => parseReplacements([{ source: { options: { index: '1' } }, targets: [{ select: {} }] }], 'k.yaml'));
    expect(error.location.field).toBe('replacements[0].source.options.index');
    expect(error.message).toContain('of type int');
  });

  it('reads a path entry with the loader; a path with inline fields is an error', () => {
    const files: Record<string, JsonValue> = { 'one.yaml': { source: { name: 'a' }, targets: [{ select: { name: 'b' } }] } };
    const parsed = parseReplacements([{ path: 'one.yaml' }], 'k.yaml', (path) => files[path]!);
    expect(parsed.map((r) => r.source?.name)).toEqual(['a']);
    // kubectl kustomize: "cannot specify both path and inline replacement"
    const error = errorOf(() => parseReplacements([{ path: 'one.yaml', source: { name: 'a' } }], 'k.yaml', (path) => files[path]!));
    expect(error.message).toBe('cannot specify both path and inline replacement');
  });

  it('cannot read a path entry without a loader', () => {
    expect(errorOf(() => parseReplacements([{ path: 'one.yaml' }], 'k.yaml')).code).toBe('unsupported');
  });
});

describe('parseReplacementFile', () => {
  // kubectl kustomize reads these files leniently: keys in any case, unknown keys ignored, `targets: []` allowed.
  it('reads a list, matching keys in any case and ignoring unknown ones', () => {
    const parsed = parseReplacementFile([{ SOURCE: { kind: 'ConfigMap', fieldpath: 'data.a', bogus: 1 }, targets: [{ select: { name: 'x' }, fieldpaths: ['data.b'], Options: { create: true } }], other: 'x' }], 'r.yaml');
    expect(parsed[0]!.source?.fieldPath).toBe('data.a');
    expect(parsed[0]!.targets[0]!.fieldPaths).toEqual(['data.b']);
    expect(parsed[0]!.targets[0]!.options?.create).toBe(true);
  });

  it('reads a single replacement and allows empty targets', () => {
    expect(parseReplacementFile({ source: { name: 'a' }, targets: [] }, 'r.yaml')).toEqual([{ source: expect.objectContaining({ name: 'a' }), targets: [] }]);
  });

  // kubectl kustomize: "unsupported replacement type encountered within replacement path: string" (float64, bool, invalid).
  it.each<[JsonValue, string]>([
    ['hello', 'string'],
    [42, 'float64'],
    [true, 'bool'],
    [null, 'invalid'],
  ])('refuses content %j', (content, kind) => {
    expect(errorOf(() => parseReplacementFile(content, 'r.yaml')).message).toBe(`unsupported replacement type encountered within replacement path: ${kind}`);
  });
});
