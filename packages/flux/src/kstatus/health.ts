import { getOwn, isJsonObject, type JsonObject } from '@kustomize-ts/core';
import { formatGoDuration, type GoDuration } from '../duration.js';
import { kustomizationTimeout, type FluxKustomization, type NamespacedObjectKindReference } from '../model/kustomization.js';
import { computeStatus, KStatusError, type KStatus } from './compute.js';

/** An object a health check looks at: group, kind, namespace and name (cli-utils' `ObjMetadata`). */
export interface ObjectKey {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** What the check found for one object. */
export interface ObjectHealth extends ObjectKey {
  readonly status: KStatus;
  /** kstatus's message, `Resource not found`, or the error that made the status `Unknown`. */
  readonly message: string;
}

/**
 * Flux's verdict on a Kustomization's health checks:
 * - `healthy`: every checked object is Current;
 * - `failed`: nothing is left in progress and something Failed, so Flux gives up early;
 * - `timeout`: something was still in progress (or not found, or unknown) when the timeout ran out;
 * - `none`: the Kustomization checks nothing (no `healthChecks`, no `wait`).
 */
export interface HealthVerdict {
  readonly result: 'healthy' | 'failed' | 'timeout' | 'none';
  readonly objects: readonly ObjectHealth[];
  /** The message of Flux's `Healthy` condition, e.g. `timeout waiting for: [Deployment/ns/app status: 'InProgress']`. */
  readonly message: string;
  /** The message Flux logs and sends as an event, e.g. `health check failed after 2m0s: timeout waiting for: […]`. */
  readonly event: string;
}

/** The clock and timing of an evaluation; nothing reads the system time. */
export interface HealthOptions {
  /** The time the snapshot was taken (Pods within their scheduling window depend on it). */
  readonly now: Date;
  /**
   * How long health checks had been running when the snapshot was taken; defaults to 0. A snapshot that
   * is not terminal is taken as the last one before the deadline, so its verdict names the full timeout.
   */
  readonly elapsed?: GoDuration;
}

/** `Kind/namespace/name`, or `Kind/name` without a namespace, as Flux's `FmtObjMetadata`. */
export function formatObjectKey(key: ObjectKey): string {
  return key.namespace === '' ? `${key.kind}/${key.name}` : `${key.kind}/${key.namespace}/${key.name}`;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function text(object: JsonObject, key: string): string {
  const value = getOwn(object, key);
  return typeof value === 'string' ? value : '';
}

function keyOfObject(object: JsonObject): ObjectKey {
  const metadata = getOwn(object, 'metadata');
  const meta = isJsonObject(metadata) ? metadata : {};
  return { group: groupOf(text(object, 'apiVersion')), kind: text(object, 'kind'), namespace: text(meta, 'namespace'), name: text(meta, 'name') };
}

/** A health-check reference as an object key; without `apiVersion` it means `apps/v1`, as Flux keeps for v1beta1. */
export function keyOfReference(reference: NamespacedObjectKindReference): ObjectKey {
  return { group: groupOf(reference.apiVersion ?? 'apps/v1'), kind: reference.kind, namespace: reference.namespace ?? '', name: reference.name };
}

/** Parses an inventory id, `namespace_name_group_kind` with `:` in names written `__`, as in Flux's `status.inventory`. */
function keyOfInventoryId(id: string): ObjectKey | undefined {
  const parts = id.split('_');
  if (parts.length < 4) return undefined;
  const kind = parts[parts.length - 1]!;
  const group = parts[parts.length - 2]!;
  const namespace = parts[0]!;
  const name = parts.slice(1, parts.length - 2).join('_').replaceAll('__', ':');
  return { group, kind, namespace, name };
}

function inventoryKeys(kustomization: FluxKustomization): ObjectKey[] | undefined {
  const status = getOwn(kustomization.object, 'status');
  const inventory = isJsonObject(status) ? getOwn(status, 'inventory') : undefined;
  const entries = isJsonObject(inventory) ? getOwn(inventory, 'entries') : undefined;
  if (!Array.isArray(entries)) return undefined;
  return entries.flatMap((entry) => {
    const id = isJsonObject(entry) ? getOwn(entry, 'id') : undefined;
    const key = typeof id === 'string' ? keyOfInventoryId(id) : undefined;
    return key ? [key] : [];
  });
}

const sameKey = (a: ObjectKey, b: ObjectKey) => a.group === b.group && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;

/**
 * The objects Flux checks: the `healthChecks`, or with `wait: true` every applied object — the
 * Kustomization's inventory when its status has one, else every live object given. The Kustomization
 * itself is never checked (Flux's guard against waiting on itself).
 */
export function healthCheckTargets(kustomization: FluxKustomization, live: readonly JsonObject[]): ObjectKey[] {
  const { spec, metadata } = kustomization;
  const targets = spec.wait ? (inventoryKeys(kustomization) ?? live.map(keyOfObject)) : (spec.healthChecks ?? []).map(keyOfReference);
  return targets.filter((key) => !(key.kind === 'Kustomization' && key.name === metadata.name && key.namespace === metadata.namespace));
}

function objectHealth(key: ObjectKey, live: readonly JsonObject[], options: HealthOptions): ObjectHealth {
  const object = live.find((candidate) => sameKey(keyOfObject(candidate), key));
  if (object === undefined) return { ...key, status: 'NotFound', message: 'Resource not found' };
  try {
    const result = computeStatus(object, options);
    return { ...key, status: result.status, message: result.message };
  } catch (error) {
    if (!(error instanceof KStatusError)) throw error;
    return { ...key, status: 'Unknown', message: error.message };
  }
}

/**
 * Evaluates a Flux Kustomization's health checks against a snapshot of live objects, reaching the verdict
 * kustomize-controller reaches (fluxcd/pkg ssa `WaitForSet`): healthy when all are Current, failed early
 * when the rest are Current and some Failed, otherwise a timeout listing every object not Current.
 */
export function evaluateHealth(kustomization: FluxKustomization, live: readonly JsonObject[], options: HealthOptions): HealthVerdict {
  const targets = healthCheckTargets(kustomization, live);
  if (targets.length === 0) return { result: 'none', objects: [], message: 'No health checks', event: 'No health checks' };
  const objects = targets.map((key) => objectHealth(key, live, options));
  const elapsed = formatGoDuration(options.elapsed ?? 0n);
  if (objects.every((object) => object.status === 'Current')) {
    const message = `Health check passed in ${elapsed}`;
    return { result: 'healthy', objects, message, event: message };
  }
  const terminal = objects.every((object) => object.status === 'Current' || object.status === 'Failed');
  const listed = objects.filter((object) => (terminal ? object.status === 'Failed' : object.status !== 'Current'));
  const entries = listed.map((object) => {
    const withError = object.status === 'Unknown' ? `: ${object.message}` : '';
    return `${formatObjectKey(object)} status: '${object.status}'${withError}`;
  });
  const message = `${terminal ? 'failed early due to stalled resources' : 'timeout waiting for'}: [${entries.join(', ')}]`;
  const after = terminal ? elapsed : formatGoDuration(kustomizationTimeout(kustomization.spec));
  return { result: terminal ? 'failed' : 'timeout', objects, message, event: `health check failed after ${after}: ${message}` };
}
