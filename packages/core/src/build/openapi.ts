import { builtinSchema, combineSchemas, schemaFromOpenApi, type SchemaLookup } from '@kustomize-ts/patches';
import type { Loader } from '../accumulate/loader.js';
import { KustomizeError } from '../errors.js';
import type { Kustomization } from '../kustomization/types.js';
import { parseYaml } from '../yaml/index.js';

/** The only OpenAPI version kustomize v5.5.0 has built in. */
const builtinVersion = 'v1.21.2';

/**
 * The schema for strategic merges after loading `kustomization`, as kustomize's openapi.SetSchema, which
 * every loaded kustomization calls in turn: `openapi: {path}` installs a custom schema (merged over the
 * built-in one), `openapi: {version}` the built-in one, and no `openapi` field leaves the current one.
 */
export function schemaAfterLoading(current: SchemaLookup | undefined, kustomization: Kustomization, loader: Loader): SchemaLookup | undefined {
  const { path, version } = kustomization.openapi;
  const field = { file: loader.display(kustomization.file), field: 'openapi' };
  if (path !== undefined) {
    if (version !== undefined) throw new KustomizeError('invalid-kustomization', 'builtin version and custom schema provided, cannot use both', field, 'give either openapi.path or openapi.version');
    const file = loader.display(loader.resolve(path));
    return combineSchemas(schemaFromOpenApi(parseYaml(loader.readText(path), file)), builtinSchema);
  }
  if (version !== undefined && version !== '') {
    if (version !== builtinVersion) throw new KustomizeError('invalid-kustomization', 'the specified OpenAPI version is not built in', field, `the built-in version is ${builtinVersion}; give openapi.path for another schema`);
    return undefined;
  }
  return current;
}
