import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { newResource } from '../resource/resource.js';
import { defaultTransformerConfig, emptyTransformerConfig } from './fieldspecs/config.js';
import { labelEntryFieldSpecs, transformLabels, type LabelEntry } from './labels.js';

function labelled(objects: JsonObject[], labels: Record<string, string>, fieldSpecs = defaultTransformerConfig.commonLabels): JsonObject[] {
  return transformLabels(objects.map((o) => newResource(o)), { labels, fieldSpecs }).map((r) => r.object);
}

const deployment = (spec: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec });

describe('transformLabels', () => {
  it('sets commonLabels on metadata, selectors and templates, creating them', () => {
    // `kubectl kustomize` with commonLabels on a Deployment without labels or selector.
    expect(labelled([deployment({ template: { spec: {} } })], { app: 'x' })).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { app: 'x' } }, spec: { template: { spec: {}, metadata: { labels: { app: 'x' } } }, selector: { matchLabels: { app: 'x' } } } },
    ]);
  });

  it('overwrites existing values and keeps other labels', () => {
    const [out] = labelled([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { app: 'old', keep: 'k' } } }], { app: 'new' });
    expect((out!['metadata'] as JsonObject)['labels']).toEqual({ app: 'new', keep: 'k' });
  });

  it('fills a null map where the spec creates, and leaves it null where it does not', () => {
    // `kubectl kustomize`: a Deployment's null matchLabels got the label; a PodDisruptionBudget's stayed null.
    const pdb: JsonObject = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', labels: null }, spec: { selector: { matchLabels: null } } };
    const [d, p] = labelled([deployment({ selector: { matchLabels: null }, template: { metadata: null } }), pdb], { app: 'x' });
    expect(d!['spec']).toEqual({ selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } } } });
    expect(p!).toEqual({ ...pdb, metadata: { name: 'p', labels: { app: 'x' } } });
  });

  it('turns a null volumeClaimTemplates list into an empty one, as kustomize', () => {
    // `kubectl kustomize` printed volumeClaimTemplates: [] for a StatefulSet with volumeClaimTemplates: null.
    const [s] = labelled([{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { volumeClaimTemplates: null } }], { app: 'x' });
    expect((s!['spec'] as JsonObject)['volumeClaimTemplates']).toEqual([]);
  });

  it('labels every volume claim template', () => {
    const [s] = labelled([{ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { volumeClaimTemplates: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] } }], { app: 'x' });
    expect((s!['spec'] as JsonObject)['volumeClaimTemplates']).toEqual([{ metadata: { name: 'a', labels: { app: 'x' } } }, { metadata: { name: 'b', labels: { app: 'x' } } }]);
  });

  it('rejects labels that are not a map', () => {
    // `kubectl kustomize`: considering field 'metadata/labels' of object Deployment.v1.apps/d1.[noNs]: wrong node kind: expected MappingNode but got ScalarNode.
    expect(() => labelled([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: 'foo' } }], { app: 'x' })).toThrow(
      "considering field 'metadata/labels' of object ConfigMap.v1.[noGrp]/c.[noNs]: wrong node kind: expected MappingNode but got ScalarNode",
    );
  });

  it('changes nothing without labels', () => {
    const input = newResource(deployment({}));
    expect(transformLabels([input], { labels: {}, fieldSpecs: defaultTransformerConfig.commonLabels })[0]).toBe(input);
  });

  it('returns the same resource when the labels are already there', () => {
    const input = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { app: 'x' } } });
    expect(transformLabels([input], { labels: { app: 'x' }, fieldSpecs: defaultTransformerConfig.commonLabels })[0]).toBe(input);
  });
});

describe('labelEntryFieldSpecs', () => {
  const config = defaultTransformerConfig;
  const paths = (entry: LabelEntry, c = config): string[] => labelEntryFieldSpecs(entry, c).map((s) => `${s.kind ?? '*'}:${s.path}`);

  it('by default labels metadata only', () => {
    expect(paths({ pairs: { a: 'b' } })).toEqual(['*:metadata/labels']);
  });

  it('with includeSelectors uses the commonLabels specs', () => {
    expect(labelEntryFieldSpecs({ pairs: {}, includeSelectors: true }, config)).toEqual(config.commonLabels);
  });

  it('with includeTemplates adds the template specs but no selectors', () => {
    const result = paths({ pairs: {}, includeTemplates: true });
    expect(result).toContain('Deployment:spec/template/metadata/labels');
    expect(result).toContain('*:metadata/labels');
    expect(result.some((p) => p.includes('selector'))).toBe(false);
  });

  it("puts the entry's own fields first, then the config's labels specs", () => {
    const withLabels = { ...emptyTransformerConfig, labels: [{ kind: 'Bar', path: 'spec/l', create: true }] };
    expect(paths({ pairs: {}, fields: [{ kind: 'Foo', path: 'spec/x' }] }, withLabels)).toEqual(['Foo:spec/x', 'Bar:spec/l', '*:metadata/labels']);
  });

  it('rejects a field that conflicts with a default spec in create', () => {
    expect(() => labelEntryFieldSpecs({ pairs: {}, fields: [{ path: 'metadata/labels' }] }, config)).toThrow('failed to merge labels: conflicting fieldspecs');
    expect(() => labelEntryFieldSpecs({ pairs: {}, includeTemplates: true, fields: [{ kind: 'Deployment', path: 'spec/template/metadata/labels' }] }, config)).toThrow(
      'failed to merge template fieldSpec: conflicting fieldspecs',
    );
  });
});
