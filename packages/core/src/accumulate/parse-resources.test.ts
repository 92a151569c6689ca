import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import { parseResources } from './parse-resources.js';

const names = (text: string) => parseResources(text, 'r.yaml').map((r) => (r.object['metadata'] as { name: string }).name);

describe('parseResources', () => {
  it('drops empty documents', () => {
    expect(names('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# nothing\n---\n')).toEqual(['a']);
  });

  // kubectl kustomize: the items of a List come after the documents that follow the List.
  it('queues the items of a …List after the documents that follow it', () => {
    const text = 'kind: ConfigMapList\nitems:\n- kind: ConfigMap\n  metadata: {name: a}\n- kind: ConfigMap\n  metadata: {name: b}\n---\nkind: ConfigMap\nmetadata:\n  name: c\n';
    expect(names(text)).toEqual(['c', 'a', 'b']);
  });

  // kubectl kustomize builds a ConfigMap named 23 or true (the scalar's text is the name), not one named null or [].
  it('takes a number or a boolean as a name, and nothing else that is not a string', () => {
    expect(names('kind: ConfigMap\nmetadata:\n  name: 23\n---\nkind: ConfigMap\nmetadata:\n  name: true\n')).toEqual([23, true]);
    for (const name of ['null', '~', '[]', '{}', '""']) {
      expect(() => parseResources(`kind: ConfigMap\nmetadata:\n  name: ${name}\n`, 'r.yaml')).toThrow('missing metadata.name');
    }
  });

  it('needs a kind and a name, and says which document lacks them', () => {
    const error = (() => {
      try {
        parseResources('kind: ConfigMap\nmetadata: {name: a}\n---\nkind: ConfigMap\n', 'r.yaml');
      } catch (e) {
        return e as KustomizeError;
      }
      return undefined;
    })();
    expect(error?.location).toMatchObject({ file: 'r.yaml', document: 1, field: 'metadata.name' });
    expect(() => parseResources('metadata: {name: a}\n', 'r.yaml')).toThrow(/missing kind/);
  });

  // kubectl kustomize drops an empty or null metadata.annotations on reading, but keeps empty labels.
  it('drops an empty or null annotations map, not labels', () => {
    const [a, b] = parseResources('kind: ConfigMap\nmetadata:\n  name: a\n  annotations: {}\n  labels: {}\n---\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n', 'r.yaml');
    expect(a!.object['metadata']).toEqual({ name: 'a', labels: {} });
    expect(b!.object['metadata']).toEqual({ name: 'b' });
  });
});
