import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { newResource } from '../resource/resource.js';
import { transformAnnotations } from './annotations.js';
import { defaultTransformerConfig } from './fieldspecs/config.js';

describe('transformAnnotations', () => {
  it('annotates resources and pod templates, never selectors', () => {
    // `kubectl kustomize` with commonAnnotations on a CronJob: metadata, jobTemplate and its pod template.
    const cronJob: JsonObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', annotations: { keep: 'k' } }, spec: { jobTemplate: { spec: { template: { spec: {} } } } } };
    const [out] = transformAnnotations([newResource(cronJob)], { annotations: { note: 'n' }, fieldSpecs: defaultTransformerConfig.commonAnnotations });
    expect(out!.object).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c', annotations: { keep: 'k', note: 'n' } },
      spec: { jobTemplate: { metadata: { annotations: { note: 'n' } }, spec: { template: { metadata: { annotations: { note: 'n' } }, spec: {} } } } },
    });
  });

  it('leaves a Service selector alone', () => {
    const service: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a' } } };
    const [out] = transformAnnotations([newResource(service)], { annotations: { note: 'n' }, fieldSpecs: defaultTransformerConfig.commonAnnotations });
    expect((out!.object['spec'] as JsonObject)['selector']).toEqual({ app: 'a' });
  });
});
