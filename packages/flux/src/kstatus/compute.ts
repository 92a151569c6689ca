import { getOwn, isJsonObject, KustomizeError, type JsonObject, type JsonValue } from '@kustomize-ts/core';

/**
 * kstatus (sigs.k8s.io/cli-utils `pkg/kstatus/status`): the status of a Kubernetes object computed from
 * the object alone — its generation, its standard conditions, and rules per built-in kind.
 */

/** What kstatus says about an object. `NotFound` and `Unknown` come from the poller, never from {@link computeStatus}. */
export type KStatus = 'InProgress' | 'Failed' | 'Current' | 'Terminating' | 'NotFound' | 'Unknown';

/** A standard condition kstatus reports: `Reconciling` (InProgress) or `Stalled` (Failed). */
export interface KStatusCondition {
  readonly type: 'Reconciling' | 'Stalled';
  readonly status: 'True';
  readonly reason: string;
  readonly message: string;
}

/** The computed status, with kstatus's message and standard conditions. */
export interface KStatusResult {
  readonly status: KStatus;
  readonly message: string;
  readonly conditions: readonly KStatusCondition[];
}

/** An object kstatus cannot read (a field of the wrong type). The message follows apimachinery's accessors. */
export class KStatusError extends KustomizeError {
  override readonly name = 'KStatusError';

  constructor(message: string) {
    super('invalid-resource', message);
  }
}

/** The clock a computation may read: only Pods being scheduled depend on it. */
export interface KStatusClock {
  readonly now: Date;
}

interface BasicCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

const current = (message: string): KStatusResult => ({ status: 'Current', message, conditions: [] });
const inProgress = (reason: string, message: string): KStatusResult => ({
  status: 'InProgress',
  message,
  conditions: [{ type: 'Reconciling', status: 'True', reason, message }],
});
const failed = (reason: string, message: string): KStatusResult => ({
  status: 'Failed',
  message,
  conditions: [{ type: 'Stalled', status: 'True', reason, message }],
});

function goType(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'object') return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

/** The field at `path`, as apimachinery's `NestedFieldNoCopy`: an error when a step is not a map. */
function nested(object: JsonObject, path: readonly string[]): { found: boolean; value?: JsonValue } {
  let at: JsonValue = object;
  for (let i = 0; i < path.length; i++) {
    if (at === null) return { found: false };
    if (!isJsonObject(at)) {
      throw new KStatusError(`.${path.slice(0, i).join('.')} accessor error: ${String(at)} is of the type ${goType(at)}, expected map[string]interface{}`);
    }
    const next = getOwn(at, path[i]!);
    if (next === undefined) return { found: false };
    at = next;
  }
  return { found: true, value: at };
}

/** `unstructured.NestedInt64`: `undefined` when missing, an error when not an integer. */
function nestedInt64(object: JsonObject, path: readonly string[]): number | undefined {
  const { found, value } = nested(object, path);
  if (!found) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new KStatusError(`.${path.join('.')} accessor error: ${String(value)} is of the type ${goType(value!)}, expected int64`);
  }
  return value;
}

/** kstatus's lenient readers: the default when missing, unreadable or of another type. */
function field(object: JsonObject, path: string): JsonValue | undefined {
  try {
    return nested(object, path.slice(1).split('.')).value;
  } catch (error) {
    if (error instanceof KStatusError) return undefined;
    throw error;
  }
}
function intField(object: JsonObject, path: string, fallback: number): number {
  const value = field(object, path);
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}
function stringField(object: JsonObject, path: string, fallback: string): string {
  const value = field(object, path);
  return typeof value === 'string' ? value : fallback;
}
function boolField(object: JsonObject, path: string, fallback: boolean): boolean {
  const value = field(object, path);
  return typeof value === 'boolean' ? value : fallback;
}

/** `status.conditions` as kstatus converts them; an error where a condition does not fit the shape. */
function conditionsOf(object: JsonObject): BasicCondition[] {
  const status = getOwn(object, 'status');
  if (status === undefined || status === null) return [];
  if (!isJsonObject(status)) throw new KStatusError(`status: cannot convert ${goType(status)} into a status object`);
  const conditions = getOwn(status, 'conditions');
  if (conditions === undefined || conditions === null) return [];
  if (!Array.isArray(conditions)) throw new KStatusError(`status.conditions: cannot convert ${goType(conditions)} into a list`);
  return conditions.map((entry, index) => {
    if (!isJsonObject(entry)) throw new KStatusError(`status.conditions[${index}]: cannot convert ${goType(entry)} into a condition`);
    const text = (key: string) => {
      const value = getOwn(entry, key);
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') throw new KStatusError(`status.conditions[${index}].${key}: cannot convert ${goType(value)} into a string`);
      return value;
    };
    return { type: text('type'), status: text('status'), reason: text('reason'), message: text('message') };
  });
}

const findCondition = (conditions: readonly BasicCondition[], type: string, status: string) =>
  conditions.find((condition) => condition.type === type && condition.status === status);

function kindOf(object: JsonObject): string {
  const kind = getOwn(object, 'kind');
  return typeof kind === 'string' ? kind : '';
}

function checkGeneration(object: JsonObject): KStatusResult | undefined {
  const generation = nestedInt64(object, ['metadata', 'generation']);
  if (generation === undefined) return undefined;
  const observed = nestedInt64(object, ['status', 'observedGeneration']);
  if (observed === undefined || observed === generation) return undefined;
  return inProgress('LatestGenerationNotObserved', `${kindOf(object)} generation is ${generation}, but latest observed generation is ${observed}`);
}

function checkGenericProperties(object: JsonObject): KStatusResult | undefined {
  const deletion = nested(object, ['metadata', 'deletionTimestamp']);
  if (deletion.found && typeof deletion.value !== 'string') {
    throw new KStatusError(`.metadata.deletionTimestamp accessor error: ${String(deletion.value)} is of the type ${goType(deletion.value!)}, expected string`);
  }
  if (deletion.found && deletion.value !== '') return { status: 'Terminating', message: 'Resource scheduled for deletion', conditions: [] };
  const generation = checkGeneration(object);
  if (generation) return generation;
  for (const condition of conditionsOf(object)) {
    if (condition.type === 'Reconciling' && condition.status === 'True') return inProgress(condition.reason, condition.message);
    if (condition.type === 'Stalled' && condition.status === 'True') return failed(condition.reason, condition.message);
  }
  return undefined;
}

function statefulSet(object: JsonObject): KStatusResult {
  if (stringField(object, '.spec.updateStrategy.type', '') === 'OnDelete') return current('StatefulSet is using the ondelete update strategy');
  const spec = intField(object, '.spec.replicas', 1);
  const ready = intField(object, '.status.readyReplicas', 0);
  const currentReplicas = intField(object, '.status.currentReplicas', 0);
  const updated = intField(object, '.status.updatedReplicas', 0);
  const replicas = intField(object, '.status.replicas', 0);
  const partition = intField(object, '.spec.updateStrategy.rollingUpdate.partition', -1);
  if (spec > replicas) return inProgress('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  if (partition !== -1) {
    if (updated < spec - partition) return inProgress('PartitionRollout', `updated: ${updated}/${spec - partition}`);
    return current(`Partition rollout complete. updated: ${updated}`);
  }
  if (spec > currentReplicas) return inProgress('LessCurrent', `current: ${currentReplicas}/${spec}`);
  if (stringField(object, '.status.currentRevision', '') !== stringField(object, '.status.updateRevision', '')) {
    return inProgress('RevisionMismatch', 'Waiting for updated revision to match current');
  }
  return current(`All replicas scheduled as expected. Replicas: ${replicas}`);
}

const maxInt32 = 2147483647;

function deployment(object: JsonObject): KStatusResult {
  let progressing = intField(object, '.spec.progressDeadlineSeconds', maxInt32) === maxInt32;
  let available = false;
  for (const condition of conditionsOf(object)) {
    if (condition.type === 'Progressing') {
      if (condition.reason === 'ProgressDeadlineExceeded') {
        return { status: 'Failed', message: 'Progress deadline exceeded', conditions: [{ type: 'Stalled', status: 'True', reason: condition.reason, message: condition.message }] };
      }
      if (condition.status === 'True' && condition.reason === 'NewReplicaSetAvailable') progressing = true;
    } else if (condition.type === 'Available' && condition.status === 'True') {
      available = true;
    }
  }
  const spec = intField(object, '.spec.replicas', 1);
  const replicas = intField(object, '.status.replicas', 0);
  const updated = intField(object, '.status.updatedReplicas', 0);
  const ready = intField(object, '.status.readyReplicas', 0);
  const availableReplicas = intField(object, '.status.availableReplicas', 0);
  if (spec > replicas) return inProgress('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > updated) return inProgress('LessUpdated', `Updated: ${updated}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  if (updated > availableReplicas) return inProgress('LessAvailable', `Available: ${availableReplicas}/${updated}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (!progressing) return inProgress('ReplicaSetNotAvailable', 'ReplicaSet not Available');
  if (!available) return inProgress('DeploymentNotAvailable', 'Deployment not Available');
  return current(`Deployment is available. Replicas: ${replicas}`);
}

function replicaSet(object: JsonObject): KStatusResult {
  if (findCondition(conditionsOf(object), 'ReplicaFailure', 'True')) return inProgress('ReplicaFailure', 'Replica Failure condition. Check Pods');
  const spec = intField(object, '.spec.replicas', 1);
  const replicas = intField(object, '.status.replicas', 0);
  const ready = intField(object, '.status.readyReplicas', 0);
  const available = intField(object, '.status.availableReplicas', 0);
  const labelled = intField(object, '.status.fullyLabeledReplicas', 0);
  if (spec > labelled) return inProgress('LessLabelled', `Labelled: ${labelled}/${spec}`);
  if (spec > available) return inProgress('LessAvailable', `Available: ${available}/${spec}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  return current(`ReplicaSet is available. Replicas: ${replicas}`);
}

function daemonSet(object: JsonObject): KStatusResult {
  if (nestedInt64(object, ['metadata', 'generation']) === undefined) {
    const message = `${kindOf(object)} metadata.generation not found`;
    return inProgress('NoGeneration', message);
  }
  if (nestedInt64(object, ['status', 'observedGeneration']) === undefined) {
    return inProgress('NoObservedGeneration', `${kindOf(object)} status.observedGeneration not found`);
  }
  const desired = intField(object, '.status.desiredNumberScheduled', -1);
  const scheduled = intField(object, '.status.currentNumberScheduled', 0);
  const updated = intField(object, '.status.updatedNumberScheduled', 0);
  const available = intField(object, '.status.numberAvailable', 0);
  const ready = intField(object, '.status.numberReady', 0);
  if (desired === -1) return inProgress('NoDesiredNumber', 'Missing .status.desiredNumberScheduled');
  if (desired > scheduled) return inProgress('LessCurrent', `Current: ${scheduled}/${desired}`);
  if (desired > updated) return inProgress('LessUpdated', `Updated: ${updated}/${desired}`);
  if (desired > available) return inProgress('LessAvailable', `Available: ${available}/${desired}`);
  if (desired > ready) return inProgress('LessReady', `Ready: ${ready}/${desired}`);
  return current(`All replicas scheduled as expected. Replicas: ${desired}`);
}

function persistentVolumeClaim(object: JsonObject): KStatusResult {
  const phase = stringField(object, '.status.phase', 'unknown');
  return phase === 'Bound' ? current('PVC is Bound') : inProgress('NotBound', `PVC is not Bound. phase: ${phase}`);
}

/** How long a Pod may stay unscheduled before kstatus calls it unschedulable. */
const scheduleWindowMs = 15_000;

function crashLoopingContainers(object: JsonObject): string[] {
  const statuses = field(object, '.status.containerStatuses');
  if (!Array.isArray(statuses)) return [];
  const names: string[] = [];
  for (const status of statuses) {
    if (!isJsonObject(status)) continue;
    const name = getOwn(status, 'name');
    const state = getOwn(status, 'state');
    const waiting = isJsonObject(state) ? getOwn(state, 'waiting') : undefined;
    const reason = isJsonObject(waiting) ? getOwn(waiting, 'reason') : undefined;
    if (typeof name === 'string' && reason === 'CrashLoopBackOff') names.push(name);
  }
  return names;
}

function pod(object: JsonObject, clock: KStatusClock): KStatusResult {
  const conditions = conditionsOf(object);
  const phase = stringField(object, '.status.phase', '');
  switch (phase) {
    case 'Succeeded':
      return current('Pod has completed successfully');
    case 'Failed':
      return current('Pod has completed, but not successfully');
    case 'Running': {
      if (findCondition(conditions, 'Ready', 'True')) return current('Pod is Ready');
      const crashing = crashLoopingContainers(object);
      if (crashing.length > 0) return failed('ContainerCrashLooping', `Containers in CrashLoop state: ${crashing.join(',')}`);
      return inProgress('PodRunningNotReady', 'Pod is running but is not Ready');
    }
    case 'Pending': {
      const unscheduled = findCondition(conditions, 'PodScheduled', 'False');
      if (unscheduled?.reason === 'Unschedulable') {
        const created = Date.parse(stringField(object, '.metadata.creationTimestamp', ''));
        const createdMs = Number.isNaN(created) ? Number.NEGATIVE_INFINITY : created;
        if (clock.now.getTime() - scheduleWindowMs < createdMs) return inProgress('PodNotScheduled', 'Pod has not been scheduled');
        return failed('PodUnschedulable', 'Pod could not be scheduled');
      }
      return inProgress('PodPending', 'Pod is in the Pending phase');
    }
    case '':
      return inProgress('PodNotObserved', 'Pod phase not available');
    default:
      throw new KStatusError(`unknown phase ${phase}`);
  }
}

function job(object: JsonObject): KStatusResult {
  const parallelism = intField(object, '.spec.parallelism', 1);
  const completions = intField(object, '.spec.completions', parallelism);
  const succeeded = intField(object, '.status.succeeded', 0);
  const active = intField(object, '.status.active', 0);
  const failedCount = intField(object, '.status.failed', 0);
  const suspended = boolField(object, '.spec.suspend', false);
  for (const condition of conditionsOf(object)) {
    if (condition.status !== 'True') continue;
    if (condition.type === 'Complete') return current(`Job Completed. succeeded: ${succeeded}/${completions}`);
    if (condition.type === 'Failed') return failed('JobFailed', `Job Failed. failed: ${failedCount}/${completions}`);
    if (condition.type === 'Suspended' && suspended) return current('Job is suspended');
  }
  if (stringField(object, '.status.startTime', '') === '') return inProgress('JobNotStarted', 'Job not started');
  return current(`Job in progress. success:${succeeded}, active: ${active}, failed: ${failedCount}`);
}

function service(object: JsonObject): KStatusResult {
  if (stringField(object, '.spec.type', 'ClusterIP') === 'LoadBalancer' && stringField(object, '.spec.clusterIP', '') === '') {
    return inProgress('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer');
  }
  return current('Service is ready');
}

function customResourceDefinition(object: JsonObject): KStatusResult {
  for (const condition of conditionsOf(object)) {
    if (condition.type === 'NamesAccepted' && condition.status === 'False') return failed(condition.reason, condition.message);
    if (condition.type === 'Established') {
      if (condition.status === 'False' && condition.reason !== 'Installing') return failed(condition.reason, condition.message);
      if (condition.status === 'True') return current('CRD is established');
    }
  }
  return inProgress('Installing', 'Install in progress');
}

const alwaysReady = () => current('Resource is always ready');

/** The kind-specific rules, by `group/kind` (`kind` alone for the core group), as kstatus's `legacyTypes`. */
const rules: ReadonlyMap<string, (object: JsonObject, clock: KStatusClock) => KStatusResult> = new Map<
  string,
  (object: JsonObject, clock: KStatusClock) => KStatusResult
>([
  ['Service', service],
  ['Pod', pod],
  ['Secret', alwaysReady],
  ['PersistentVolumeClaim', persistentVolumeClaim],
  ['apps/StatefulSet', statefulSet],
  ['apps/DaemonSet', daemonSet],
  ['extensions/DaemonSet', daemonSet],
  ['apps/Deployment', deployment],
  ['extensions/Deployment', deployment],
  ['apps/ReplicaSet', replicaSet],
  ['extensions/ReplicaSet', replicaSet],
  ['policy/PodDisruptionBudget', () => current('AllowedDisruptions has been computed.')],
  ['batch/CronJob', alwaysReady],
  ['ConfigMap', alwaysReady],
  ['batch/Job', job],
  ['apiextensions.k8s.io/CustomResourceDefinition', customResourceDefinition],
]);

function ruleKey(object: JsonObject): string {
  const apiVersion = getOwn(object, 'apiVersion');
  const version = typeof apiVersion === 'string' ? apiVersion : '';
  const group = version.includes('/') ? version.slice(0, version.indexOf('/')) : '';
  return group === '' ? kindOf(object) : `${group}/${kindOf(object)}`;
}

function readyCondition(object: JsonObject): KStatusResult | undefined {
  for (const condition of conditionsOf(object)) {
    if (condition.type !== 'Ready') continue;
    if (condition.status === 'True') return current('Resource is Ready');
    if (condition.status === 'False' || condition.status === 'Unknown') return inProgress(condition.reason, condition.message);
  }
  return undefined;
}

/**
 * Computes the status of an object from the object alone, as kstatus's `Compute`: deletion, then the
 * observed generation, then the `Reconciling`/`Stalled` conditions, then the rules of built-in kinds, then
 * a `Ready` condition; anything else is `Current`.
 *
 * @throws {@link KStatusError} when a field kstatus reads strictly has the wrong type; the poller reports
 * such an object as `Unknown`.
 */
export function computeStatus(object: JsonObject, clock: KStatusClock): KStatusResult {
  const generic = checkGenericProperties(object);
  if (generic) return generic;
  const rule = rules.get(ruleKey(object));
  if (rule) return rule(object, clock);
  return readyCondition(object) ?? current('Resource is current');
}
