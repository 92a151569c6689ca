import { builtinSchema, combineSchemas, isNamespacedKind, schemaFromOpenApi, type SchemaLookup } from '@kustomize-ts/patches';
import type { Loader } from '../accumulate/loader.js';
import { KustomizeError } from '../errors.js';
import type { Kustomization } from '../kustomization/types.js';
import { apiVersionOf } from '../resource/id.js';
import { gvkOf, type Resource } from '../resource/resource.js';
import { parseYaml } from '../yaml/index.js';

/** The only OpenAPI version kustomize v5.5.0 has built in. */
const builtinVersion = 'v1.21.2';

/**
 * The strategic-merge schema of a build: `undefined` for the built-in one; `fixed` once a kustomization chose
 * one; `builtinLoaded` once kyaml would have loaded its global built-in schema (on the first strategic merge,
 * or the first resource of a kind it has no precomputed scope for): a custom schema set after that is merged
 * over the built-in one instead of replacing it.
 */
export interface OpenApiState {
  readonly schema: SchemaLookup | undefined;
  readonly fixed: boolean;
  readonly builtinLoaded: boolean;
}

/** No kustomization has chosen a schema yet. */
export const initialOpenApiState: OpenApiState = { schema: undefined, fixed: false, builtinLoaded: false };

/**
 * The schema state after loading `kustomization`, as kustomize's openapi.SetSchema: the first kustomization
 * loaded (the build root first, then bases and components in load order) that has an `openapi` field
 * fixes the schema for the whole build — `path` a custom one (instead of the built-in one, or over it when a
 * merge has already loaded that), `version` the built-in
 * one; later ones are still read and checked, but change nothing.
 */
export function schemaAfterLoading(state: OpenApiState, kustomization: Kustomization, loader: Loader): OpenApiState {
  const { path, version } = kustomization.openapi;
  const field = { file: loader.display(kustomization.file), field: 'openapi' };
  const custom = path === undefined ? undefined : parseYaml(loader.readText(path), loader.display(loader.resolve(path)));
  if (state.fixed) return state;
  if (custom !== undefined) {
    if (version !== undefined) throw new KustomizeError('invalid-kustomization', 'builtin version and custom schema provided, cannot use both', field, 'give either openapi.path or openapi.version');
    const schema = schemaFromOpenApi(custom);
    return { ...state, schema: state.builtinLoaded ? combineSchemas(schema, builtinSchema) : schema, fixed: true };
  }
  if (version === undefined || version === '') return state;
  if (version !== builtinVersion) throw new KustomizeError('invalid-kustomization', 'the specified OpenAPI version is not built in', field, `the built-in version is ${builtinVersion}; give openapi.path for another schema`);
  return { ...state, schema: undefined, fixed: true };
}

/** Marks the built-in schema as loaded when `resources` include a kind kyaml must look up in it. */
export function noteKindsSeen(loader: Loader, resources: readonly Resource[]): void {
  const state = loader.session.openApi;
  if (state.builtinLoaded || state.fixed) return;
  const unknown = resources.some((resource) => {
    const gvk = gvkOf(resource.object);
    return isNamespacedKind(apiVersionOf(gvk), gvk.kind) === undefined;
  });
  if (unknown) loader.session.openApi = { ...state, builtinLoaded: true };
}
