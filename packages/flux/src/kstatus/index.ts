export { computeStatus, KStatusError, type KStatus, type KStatusClock, type KStatusCondition, type KStatusResult } from './compute.js';
export { evaluateHealth, formatObjectKey, healthCheckTargets, keyOfReference, type HealthOptions, type HealthVerdict, type ObjectHealth, type ObjectKey } from './health.js';
