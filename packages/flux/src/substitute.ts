import { emitYaml, getOwn, isJsonObject, KustomizeError, parseYaml, type JsonObject } from '@kustomize-ts/core';
import { evalEnvsubst, lookupIn } from './envsubst/eval.js';
import type { FluxKustomization } from './model/kustomization.js';

/**
 * Flux's postBuild substitution (fluxcd/pkg `kustomize/kustomize_varsub.go`): each built resource is
 * printed as YAML, the text goes through envsubst, and the result is read back as sigs.k8s.io/yaml
 * reads it — so substituted values are re-typed (`${port}` with `8080` becomes a number, an empty value
 * becomes null, `"true"` with its quotes stays a string).
 */

/** The label or annotation that keeps Flux's substitution off a resource when set to `disabled`. */
export const substituteAnnotation = 'kustomize.toolkit.fluxcd.io/substitute';

const varNamePattern = /^[_A-Za-z][_A-Za-z0-9]*$/;
const varNamePatternText = '^[_[:alpha:]][_[:alpha:][:digit:]]*$';

/** How substitution runs. */
export interface SubstituteOptions {
  /** Fail on variables without a value and without a default (`--strict-substitute`). */
  readonly strict?: boolean;
  /** Skip `substituteFrom`, as `flux build --dry-run` does: only inline `substitute` values are used. */
  readonly dryRun?: boolean;
  /** The ConfigMaps and Secrets `substituteFrom` may name, as they are in the cluster. */
  readonly clusterObjects?: readonly JsonObject[];
}

function text(object: JsonObject, ...path: string[]): string | undefined {
  let at: unknown = object;
  for (const key of path) at = isJsonObject(at as JsonObject) ? getOwn(at as JsonObject, key) : undefined;
  return typeof at === 'string' ? at : undefined;
}

function stringValues(map: unknown, decode: (value: string) => string): [string, string][] {
  if (!isJsonObject(map as JsonObject)) return [];
  return Object.entries(map as JsonObject).flatMap(([key, value]) => (typeof value === 'string' ? [[key, decode(value)] as [string, string]] : []));
}

function decodeBase64(value: string): string {
  const binary = atob(value.replace(/\s/g, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

const resourceNames = { ConfigMap: 'configmaps', Secret: 'secrets' } as const;

/**
 * The variables of `spec.postBuild`: each `substituteFrom` ConfigMap's `data` and Secret's decoded `data`
 * (a Secret's `stringData` counts as data, as the API server stores it), in order, then the inline
 * `substitute` map over them. Newlines in values are removed, as Flux does.
 *
 * @throws KustomizeError `transform-failed` when a required ConfigMap or Secret is missing.
 */
export function loadSubstituteVariables(kustomization: FluxKustomization, options: SubstituteOptions = {}): Record<string, string> {
  const variables: Record<string, string> = {};
  const set = (key: string, value: string) => Object.defineProperty(variables, key, { value: value.replaceAll('\n', ''), enumerable: true, writable: true, configurable: true });
  const postBuild = kustomization.spec.postBuild;
  if (!options.dryRun) {
    for (const reference of postBuild?.substituteFrom ?? []) {
      const found = (options.clusterObjects ?? []).find(
        (object) =>
          text(object, 'kind') === reference.kind &&
          text(object, 'apiVersion') === 'v1' &&
          text(object, 'metadata', 'name') === reference.name &&
          (text(object, 'metadata', 'namespace') ?? '') === kustomization.metadata.namespace,
      );
      if (found === undefined) {
        if (reference.optional) continue;
        throw new KustomizeError(
          'transform-failed',
          `substitute from '${reference.kind}/${reference.name}' error: ${resourceNames[reference.kind]} "${reference.name}" not found`,
          { field: 'spec.postBuild.substituteFrom' },
          `create the ${reference.kind} in namespace ${kustomization.metadata.namespace || 'default'} or mark the reference optional`,
        );
      }
      if (reference.kind === 'ConfigMap') {
        for (const [key, value] of stringValues(getOwn(found, 'data'), (v) => v)) set(key, value);
      } else {
        for (const [key, value] of stringValues(getOwn(found, 'data'), decodeBase64)) set(key, value);
        for (const [key, value] of stringValues(getOwn(found, 'stringData'), (v) => v)) set(key, value);
      }
    }
  }
  for (const [key, value] of Object.entries(postBuild?.substitute ?? {})) set(key, value);
  return variables;
}

/** True when the resource opts out of substitution with the label or annotation. */
export function isSubstitutionDisabled(object: JsonObject): boolean {
  return text(object, 'metadata', 'labels', substituteAnnotation) === 'disabled' || text(object, 'metadata', 'annotations', substituteAnnotation) === 'disabled';
}

/**
 * Substitutes `variables` into one resource as Flux does, returning the resource itself when it opts out
 * or when there is nothing to do (no variables and not `always`).
 *
 * @throws KustomizeError `transform-failed` with Flux's message (`envsubst error: …`).
 */
export function substituteObject(object: JsonObject, variables: Readonly<Record<string, string>>, options: { strict?: boolean; always?: boolean }): JsonObject {
  if (isSubstitutionDisabled(object)) return object;
  const names = Object.keys(variables);
  if (names.length === 0 && !options.always) return object;
  const fail = (message: string) => new KustomizeError('transform-failed', `envsubst error: ${message}`, {}, 'give the variable a value or a default such as ${name:=value}');
  const invalid = names.find((name) => !varNamePattern.test(name));
  if (invalid !== undefined) throw fail(`'${invalid}' var name is invalid, must match '${varNamePatternText}'`);
  let output: string;
  try {
    output = evalEnvsubst(emitYaml(object), lookupIn(variables, options.strict ?? false));
  } catch (error) {
    throw fail(`variable substitution failed: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(output, '', { dialect: 'sigs-yaml' });
  } catch (error) {
    throw fail(`YAMLToJSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(parsed as JsonObject)) throw new KustomizeError('transform-failed', 'UnmarshalJSON: the substituted resource is not an object');
  return parsed as JsonObject;
}

/**
 * Runs a Flux Kustomization's postBuild over built resources, as `flux build` and kustomize-controller
 * do: nothing without `spec.postBuild`; otherwise every resource that does not opt out, with
 * `substituteStrategy: Always` substituting even without variables.
 *
 * @throws KustomizeError `transform-failed` naming the resource: `var substitution failed for 'NAME': …`.
 */
export function postBuildSubstitute(resources: readonly JsonObject[], kustomization: FluxKustomization, options: SubstituteOptions = {}): JsonObject[] {
  const postBuild = kustomization.spec.postBuild;
  if (postBuild === undefined) return [...resources];
  const always = postBuild.substituteStrategy === 'Always';
  let variables: Record<string, string> | undefined;
  return resources.map((object) => {
    const name = text(object, 'metadata', 'name') ?? '';
    try {
      if (isSubstitutionDisabled(object)) return object;
      variables ??= loadSubstituteVariables(kustomization, options);
      return substituteObject(object, variables, { strict: options.strict ?? false, always });
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      throw new KustomizeError(error.code, `var substitution failed for '${name}': ${error.message}`, error.location, error.hint, { cause: error });
    }
  });
}
