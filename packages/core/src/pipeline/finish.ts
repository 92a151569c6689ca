import { getOwn, withKey, type JsonObject } from '../json.js';
import { metadataOf, stringMapOf, withMetadataField, withStringMap, type Origin, type Resource } from '../resource/resource.js';
import { addHashSuffixes } from '../generate/index.js';
import { fixNameReferences } from '../transform/index.js';
import { substituteVars } from '../transform/vars/index.js';
import { unusedVarsWarning, type WarningSink } from './diagnostics.js';
import type { Accumulation } from './target.js';

/** The annotation that marks a resource as local configuration, never output. */
export const localConfigAnnotation = 'config.kubernetes.io/local-config';
const originAnnotation = 'config.kubernetes.io/origin';
const transformationsAnnotation = 'alpha.config.kubernetes.io/transformations';
const managedByLabel = 'app.kubernetes.io/managed-by';

/**
 * The steps kustomize runs once, after the whole tree is accumulated: hash suffixes on generated names,
 * name references fixed to follow renames, vars resolved (kubectl's warning for vars never used goes to
 * `warnings`), local configuration dropped.
 */
export function finishBuild(accumulation: Accumulation, warnings: WarningSink): Resource[] {
  const hashed = addHashSuffixes(accumulation.resources);
  const referenced = fixNameReferences(hashed, { nameReference: accumulation.config.nameReference });
  const used = new Set<string>();
  const substituted = substituteVars(referenced, accumulation.vars, accumulation.config.varReference, used);
  const unused = accumulation.vars.map((variable) => variable.name).filter((name) => !used.has(name));
  if (unused.length > 0) warnings.push(unusedVarsWarning(unused));
  return dropLocalConfig(substituted);
}

/** Resources without those annotated `config.kubernetes.io/local-config` (any value but "false"). */
export function dropLocalConfig(resources: readonly Resource[]): Resource[] {
  return resources.filter((resource) => {
    const value = stringMapOf(resource.object, 'annotations')[localConfigAnnotation];
    return value === undefined || value === 'false';
  });
}

/**
 * The objects to print: with the managed-by label (`managedByValue`) and origin annotations where asked for, and annotations
 * written as strings. Kustomize ends a build by removing its own annotations and the origin or transformation
 * annotations not asked for, each time writing the map back with `SetAnnotations`: every value becomes a
 * string of its YAML text (`port: 8080` prints `"8080"`, `f: 1.50` `"1.50"`) and an empty map goes. Only
 * with both kinds of annotations kept does the last rewrite skip an empty map, which then stays as it is.
 */
export function decorate(resources: readonly Resource[], buildMetadata: readonly string[], addManagedByLabel: boolean, managedByValue: string): JsonObject[] {
  const withManagedBy = addManagedByLabel || buildMetadata.includes('managedByLabel');
  const withOrigin = buildMetadata.includes('originAnnotations');
  const withTransformations = buildMetadata.includes('transformerAnnotations');
  return resources.map((resource) => {
    let object = resource.object;
    if (withManagedBy) object = withStringMapEntry(object, 'labels', managedByLabel, managedByValue);
    if (withTransformations && resource.transformations?.length) {
      object = withStringMapEntry(object, 'annotations', transformationsAnnotation, transformationsText(resource.transformations));
    }
    if (withOrigin && resource.origin) object = withStringMapEntry(object, 'annotations', originAnnotation, originText(resource.origin));
    const annotations = stringMapOf(object, 'annotations');
    if (!(withOrigin && withTransformations) || Object.keys(annotations).length > 0) object = withStringMap(object, 'annotations', annotations);
    return object;
  });
}

function withStringMapEntry(object: JsonObject, field: 'labels' | 'annotations', key: string, value: string): JsonObject {
  const current = getOwn(metadataOf(object), field);
  const map = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
  return withMetadataField(object, field, withKey(map, key, value));
}

/** An origin as kustomize writes it into the annotation: its fields in declaration order, empty ones left out. */
export function originText(origin: Origin): string {
  return `${originLines(origin).join('\n')}\n`;
}

/** A list of transformer origins as kustomize writes the transformations annotation. */
export function transformationsText(origins: readonly Origin[]): string {
  return origins.map((origin) => `${originLines(origin).map((line, i) => `${i === 0 ? '- ' : '  '}${line}`).join('\n')}\n`).join('');
}

function originLines(origin: Origin): string[] {
  const lines: string[] = [];
  const scalar = (key: string, value: string | undefined, indent = ''): void => {
    if (value) lines.push(`${indent}${key}: ${value}`);
  };
  scalar('path', origin.path);
  scalar('repo', origin.repo);
  scalar('ref', origin.ref);
  scalar('configuredIn', origin.configuredIn);
  if (origin.configuredBy) {
    lines.push('configuredBy:');
    scalar('apiVersion', origin.configuredBy.apiVersion, '  ');
    scalar('kind', origin.configuredBy.kind, '  ');
    scalar('name', origin.configuredBy.name, '  ');
    scalar('namespace', origin.configuredBy.namespace, '  ');
  }
  return lines;
}
