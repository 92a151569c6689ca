import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../json.js';
import { strategicMerge } from './merge.js';

// Documents without apiVersion/kind have no schema (lists are replaced); Deployments use the built-in schema, with
// well-formed merge lists (every element has its merge keys, no duplicates), where kyaml's list quirks do not apply.

const key = fc.constantFrom('a', 'b', 'c', 'd', 'list', 'map', '__proto__');
const scalar = fc.oneof(fc.constantFrom('80', 'true', '', 'x'), fc.string({ maxLength: 3 }), fc.integer(), fc.boolean());
const untyped: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
})).value;
const untypedDocument = fc.dictionary(key, untyped, { maxKeys: 5 }) as fc.Arbitrary<JsonObject>;

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const withoutUndefined = (record: Record<string, JsonValue | undefined>): JsonObject =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as JsonObject;

const port = fc
  .record({ containerPort: fc.constantFrom(80, 443, 8080), protocol: fc.constantFrom('TCP', 'UDP'), name: optional(fc.constantFrom('http', 'x')) })
  .map(withoutUndefined);
const env = fc.record({ name: fc.constantFrom('A', 'B', 'C'), value: optional(fc.oneof(fc.constantFrom('1', 'x'), fc.constant(null))) }).map(withoutUndefined);
const container = fc
  .record({
    name: fc.constantFrom('a', 'b', 'c'),
    image: optional(fc.oneof(fc.constantFrom('nginx', 'busybox'), fc.constant(null))),
    args: optional(fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 })),
    ports: optional(fc.uniqueArray(port, { maxLength: 3, selector: (p) => `${String(p['containerPort'])}/${String(p['protocol'])}` })),
    env: optional(fc.uniqueArray(env, { maxLength: 3, selector: (e) => e['name'] })),
  })
  .map(withoutUndefined);
const deployment = fc
  .record({
    labels: optional(fc.dictionary(fc.constantFrom('app', 'tier'), fc.oneof(fc.constantFrom('x', 'y'), fc.constant(null)))),
    finalizers: optional(fc.uniqueArray(fc.constantFrom('f1', 'f2', 'f3'), { maxLength: 3 })),
    replicas: optional(fc.oneof(fc.nat(3), fc.constant(null))),
    containers: optional(fc.uniqueArray(container, { maxLength: 3, selector: (c) => c['name'] })),
  })
  .map(({ labels, finalizers, replicas, containers }): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: withoutUndefined({ name: 'd', labels, finalizers }),
    spec: withoutUndefined({ replicas, template: { spec: withoutUndefined({ containers }) } }),
  }));

/** The merge, or undefined where the shapes conflict (a map against a scalar): kustomize fails there too. */
function tryMerge(original: JsonObject, patch: JsonObject): JsonObject | null | undefined {
  try {
    return strategicMerge(original, patch);
  } catch {
    return undefined;
  }
}

describe('strategic merge laws', () => {
  it('an empty patch changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(untypedDocument, deployment), (document) => {
        expect(strategicMerge(document, {})).toEqual(document);
      }),
    );
  });

  it('applying a directive-free patch twice equals applying it once (documents without a schema)', () => {
    fc.assert(
      fc.property(untypedDocument, untypedDocument, (document, patch) => {
        const once = tryMerge(document, patch);
        fc.pre(once !== undefined && once !== null);
        expect(strategicMerge(once as JsonObject, patch)).toEqual(once);
      }),
    );
  });

  it('applying a directive-free patch twice equals applying it once (Deployments)', () => {
    fc.assert(
      fc.property(deployment, deployment, (document, patch) => {
        const once = strategicMerge(document, patch) as JsonObject;
        expect(strategicMerge(once, patch)).toEqual(once);
      }),
    );
  });
});
