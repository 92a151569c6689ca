import { expectGolden, goldenTargets } from '@kustomize-ts/core/testing';
import { describe, it } from 'vitest';

// Each overlay must keep rendering to its golden file in golden/ (those files were checked against
// `kubectl kustomize`, v5.5.0). A failure prints a unified diff from the golden file to the new rendering.
// To accept an intended change: `kustomize-ts golden update examples/instavote/overlays`, or run the tests
// with KUSTOMIZE_TS_UPDATE_GOLDEN=1.
describe('instavote overlays match their golden files', () => {
  for (const { name, overlay, golden } of goldenTargets(new URL('overlays', import.meta.url))) {
    it(name, () => expectGolden(overlay, golden));
  }
});

// The three-line form, for one overlay.
it('prod renders to golden/prod.yaml', () => {
  expectGolden(new URL('overlays/prod', import.meta.url), new URL('golden/prod.yaml', import.meta.url));
});
