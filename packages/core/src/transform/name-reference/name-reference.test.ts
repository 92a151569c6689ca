import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import { idString, type ResourceId } from '../../resource/id.js';
import { currentId, newResource, rememberCurrentId, type Resource } from '../../resource/resource.js';
import { defaultTransformerConfig } from '../fieldspecs/config.js';
import { transformNamespace } from '../namespace.js';
import { transformPrefix } from '../prefix-suffix.js';
import { fixNameReferences } from './name-reference.js';
import { errorOf } from '../../test-support.js';

const nameReference = defaultTransformerConfig.nameReference;

function fix(resources: readonly Resource[]): Resource[] {
  return fixNameReferences(resources, { nameReference });
}

/** `object` renamed to `name` (and `namespace`), remembering its id before, as a transformer would leave it. */
function renamed(object: JsonObject, name: string, extra: { namespace?: string; prefixes?: string[]; suffixes?: string[] } = {}): Resource {
  const before = rememberCurrentId(newResource(object));
  const metadata = { ...(object['metadata'] as JsonObject), name, ...(extra.namespace ? { namespace: extra.namespace } : {}) };
  return { ...before, object: { ...object, metadata }, prefixes: extra.prefixes ?? [], suffixes: extra.suffixes ?? [] };
}

const configMap = (name: string, namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) } });
const secret = (name: string): JsonObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name } });
const serviceAccount = (name: string, namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, ...(namespace ? { namespace } : {}) } });
const pod = (name: string, spec: JsonObject, namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(namespace ? { namespace } : {}) }, spec });
const envFromConfigMap = (name: string): JsonObject => ({ containers: [{ name: 'c', envFrom: [{ configMapRef: { name } }] }] });
const rbac = 'rbac.authorization.k8s.io';
const binding = (kind: string, fields: JsonObject, namespace?: string): JsonObject => ({ apiVersion: `${rbac}/v1`, kind, metadata: { name: 'b', ...(namespace ? { namespace } : {}) }, ...fields });

function specOf(resource: Resource): JsonObject {
  return resource.object['spec'] as JsonObject;
}

describe('fixNameReferences', () => {
  it('rewrites a reference to the current name of the resource it named before', () => {
    const [referrer, cm] = fix([newResource(pod('p', envFromConfigMap('cm'))), renamed(configMap('cm'), 'cm-abc')]);
    expect(specOf(referrer!)).toEqual(envFromConfigMap('cm-abc'));
    expect(cm!.refBy).toEqual([currentId(referrer!)]);
  });

  it('fixes every field of the default table in a workload', () => {
    // `kubectl kustomize` on a base with a configMapGenerator and secretGenerator under namePrefix b-.
    const template = (cm: string, sec: string): JsonObject => ({
      imagePullSecrets: [{ name: sec }],
      volumes: [{ name: 'v', configMap: { name: cm } }, { name: 's', secret: { secretName: sec } }, { name: 'p', projected: { sources: [{ configMap: { name: cm } }, { secret: { name: sec } }] } }],
      containers: [{ name: 'c', envFrom: [{ configMapRef: { name: cm } }, { secretRef: { name: sec } }], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: cm, key: 'a' } } }] }],
    });
    const deployment = (cm: string, sec: string): JsonObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: template(cm, sec) } } });
    const [d] = fix([newResource(deployment('cm', 'sec')), renamed(configMap('cm'), 'b-cm-h29d89cmmt'), renamed(secret('sec'), 'b-sec-t7c5f6f24t')]);
    expect(d!.object).toEqual(deployment('b-cm-h29d89cmmt', 'b-sec-t7c5f6f24t'));
  });

  it('matches previous names only, so resources never renamed are not referrals', () => {
    const cm = newResource(configMap('cm'));
    const [, out] = fix([newResource(pod('p', envFromConfigMap('cm'))), cm]);
    expect(out).toBe(cm);
  });

  it('matches the kind the field refers to', () => {
    const [referrer] = fix([newResource(pod('p', envFromConfigMap('x'))), renamed(secret('x'), 'secret-x'), renamed(configMap('x'), 'cm-x')]);
    expect(specOf(referrer!)).toEqual(envFromConfigMap('cm-x'));
  });

  it('rewrites each name of a list of names', () => {
    // `kubectl kustomize`: a Role's rules resourceNames [cm, sec, other] became [b-cm-s-…, b-sec-s-…, other].
    const role = (names: string[]): JsonObject => ({ apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name: 'r' }, rules: [{ resourceNames: names }] });
    const [r] = fix([newResource(role(['cm', 'sec', 'other'])), renamed(configMap('cm'), 'cm-1'), renamed(secret('sec'), 'sec-2')]);
    expect(r!.object).toEqual(role(['cm-1', 'sec-2', 'other']));
  });

  it('follows the kind of a roleRef between a Role and a ClusterRole of one name', () => {
    const roleRef = (kind: string, name: string): JsonObject => binding('RoleBinding', { roleRef: { apiGroup: rbac, kind, name } });
    const role = renamed({ apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name: 'r' } }, 'role-r');
    const clusterRole = renamed({ apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'r' } }, 'cluster-r');
    expect(fix([newResource(roleRef('ClusterRole', 'r')), role, clusterRole])[0]!.object).toEqual(roleRef('ClusterRole', 'cluster-r'));
    expect(fix([newResource(roleRef('Role', 'r')), role, clusterRole])[0]!.object).toEqual(roleRef('Role', 'role-r'));
  });

  it("prefers a referral in the referrer's namespace", () => {
    // A RoleBinding may see another namespace through a ServiceAccount subject; its roleRef still means its own namespace's Role.
    const role = (namespace: string): Resource => renamed({ apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name: 'r', namespace } }, `r-${namespace}`, { namespace });
    const rb = binding('RoleBinding', { roleRef: { apiGroup: rbac, kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'b' }] }, 'a');
    const [out] = fix([newResource(rb), role('b'), role('a')]);
    expect((out!.object['roleRef'] as JsonObject)['name']).toBe('r-a');
  });

  it('lets a RoleBinding see the namespaces of its ServiceAccount subjects', () => {
    const rb = (name: string): JsonObject => binding('RoleBinding', { subjects: [{ kind: 'ServiceAccount', name, namespace: 'b' }] }, 'a');
    const [out] = fix([newResource(rb('sa')), renamed(serviceAccount('sa', 'b'), 'p-sa', { namespace: 'b' })]);
    expect(out!.object).toEqual(rb('p-sa'));
  });

  it("keeps resources of other namespaces out of a namespaced referrer's candidates", () => {
    const [referrer] = fix([newResource(pod('p', envFromConfigMap('cm'), 'a')), renamed(configMap('cm', 'b'), 'cm-b', { namespace: 'b' })]);
    expect(specOf(referrer!)).toEqual(envFromConfigMap('cm'));
  });

  describe('among several candidates', () => {
    it("picks the one whose prefixes and suffixes end like the referrer's", () => {
      // `kubectl kustomize` on two bases with namePrefix a- and b- each holding ConfigMap cm and a Pod using it.
      const base = (prefix: string): Resource[] =>
        transformPrefix([newResource(pod('p', envFromConfigMap('cm'))), newResource(configMap(`cm`))], { prefix, fieldSpecs: defaultTransformerConfig.namePrefix });
      const [podA, , podB] = fix([...base('a-'), ...base('b-')]);
      expect(specOf(podA!)).toEqual(envFromConfigMap('a-cm'));
      expect(specOf(podB!)).toEqual(envFromConfigMap('b-cm'));
    });

    it('prefers exactly equal affixes over a candidate without any', () => {
      const referrer: Resource = { ...newResource(pod('p', envFromConfigMap('cm'))), prefixes: ['a-'] };
      const [out] = fix([referrer, renamed(configMap('cm'), 'cm-plain'), renamed(configMap('cm'), 'a-cm', { prefixes: ['a-'] })]);
      expect(specOf(out!)).toEqual(envFromConfigMap('a-cm'));
    });

    it('takes the first when all have the same name', () => {
      // `kubectl kustomize`: a ClusterRole's resourceNames [cm] became [p-cm] with ConfigMaps cm in namespaces a and b.
      const clusterRole = { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'cr' }, rules: [{ resourceNames: ['cm'] }] };
      const [out, first, second] = fix([newResource(clusterRole), renamed(configMap('cm', 'a'), 'p-cm'), renamed(configMap('cm', 'b'), 'p-cm')]);
      expect(out!.object['rules']).toEqual([{ resourceNames: ['p-cm'] }]);
      expect(first!.refBy).toHaveLength(1);
      expect(second!.refBy).toBeUndefined();
    });

    it('fails when they differ', () => {
      const clusterRole = { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'cr' }, rules: [{ resourceNames: ['cm'] }] };
      const error = errorOf(() => fix([newResource(clusterRole), renamed(configMap('cm', 'a'), 'a-cm'), renamed(configMap('cm', 'b'), 'b-cm')]));
      expect(error.code).toBe('ambiguous-match');
      expect(error.message).toBe(
        "updating name reference in 'rules/resourceNames' field of 'ClusterRole.v1.rbac.authorization.k8s.io/cr.[noNs]': considering field 'rules/resourceNames' of object ClusterRole.v1.rbac.authorization.k8s.io/cr.[noNs]: found multiple possible referrals: ConfigMap.v1.[noGrp]/a-cm.a, ConfigMap.v1.[noGrp]/b-cm.b",
      );
    });
  });

  describe('name and namespace maps', () => {
    it('set the namespace of a subject to the namespace its ServiceAccount moved to', () => {
      // `kubectl kustomize` with namespace: prod: subject sa became b-sa-s in namespace prod.
      const [sa] = transformNamespace([newResource(serviceAccount('sa'))], { namespace: 'prod', fieldSpecs: [] });
      const crb = binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'sa' }, { kind: 'User', name: 'bob' }] });
      const [out] = fix([newResource(crb), sa!]);
      expect(out!.object['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'sa', namespace: 'prod' }, { kind: 'User', name: 'bob' }]);
    });

    it('never write an empty namespace', () => {
      const crb = binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'default' }] });
      const [out] = fix([newResource(crb), renamed(serviceAccount('sa'), 'p-sa')]);
      expect(out!.object['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'p-sa', namespace: 'default' }]);
    });

    it('pick candidates by the namespace they were loaded in, else by their current one', () => {
      const sa = (namespace: string, name: string): Resource => renamed(serviceAccount('sa', namespace), name, { namespace });
      const moved = renamed(serviceAccount('sa', 'old'), 'sa-moved', { namespace: 'new' });
      const crb = (namespace: string): JsonObject => binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace }] });
      expect(fix([newResource(crb('a')), sa('a', 'sa-a'), sa('b', 'sa-b')])[0]!.object['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'sa-a', namespace: 'a' }]);
      expect(fix([newResource(crb('old')), moved])[0]!.object['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'sa-moved', namespace: 'new' }]);
      expect(fix([newResource(crb('new')), moved])[0]!.object['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'sa-moved', namespace: 'new' }]);
    });

    it('fail when same-named candidates are in different namespaces', () => {
      // `kubectl kustomize` (TestNamedspacedServiceAccountsWithOverlap): found multiple possible referrals: ServiceAccount.v1.[noGrp]/sa.a, ServiceAccount.v1.[noGrp]/sa.b.
      const sa = (namespace: string): Resource => renamed(serviceAccount('sa'), 'sa', { namespace });
      const crb = binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'sa' }] });
      expect(() => fix([newResource(crb), sa('a'), sa('b')])).toThrow('found multiple possible referrals: ServiceAccount.v1.[noGrp]/sa.a, ServiceAccount.v1.[noGrp]/sa.b');
    });

    it("fix a webhook's service", () => {
      // `kubectl kustomize` with namespace: prod, nameSuffix -s: the webhook service became b-svc-s in prod.
      const vwc = (service: JsonObject): JsonObject => ({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'v' }, webhooks: [{ name: 'w', clientConfig: { service } }] });
      const svc = renamed({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' } }, 'svc-s', { namespace: 'prod' });
      expect(fix([newResource(vwc({ name: 'svc', namespace: 'default' })), svc])[0]!.object).toEqual(vwc({ name: 'svc-s', namespace: 'prod' }));
    });

    it('need a name field', () => {
      // `kubectl kustomize`: ... path config error; no 'name' field in node.
      expect(() => fix([newResource(binding('RoleBinding', { subjects: [{ kind: 'ServiceAccount' }] }))])).toThrow("path config error; no 'name' field in node");
    });
  });

  it('rejects a ServiceAccount subject of a RoleBinding with a blank namespace', () => {
    // `kubectl kustomize` (TestBlankNamespace4240): Invalid Input: namespace is blank for resource.
    const rb = binding('RoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: null }] }, 'a');
    expect(() => fix([newResource(rb)])).toThrow('Invalid Input: namespace is blank for resource "RoleBinding.v1.rbac.authorization.k8s.io/b.a"');
  });

  it('records the referrer even when the name did not change', () => {
    const cm = renamed(configMap('cm'), 'cm');
    const [referrer, out] = fix([newResource(pod('p', envFromConfigMap('cm'))), cm]);
    expect(referrer!.object).toEqual(pod('p', envFromConfigMap('cm')));
    expect(out!.refBy!.map(idString)).toEqual(['Pod.v1.[noGrp]/p.[noNs]']);
  });

  it('selects referrers by the kind they were loaded as', () => {
    const wasPod: Resource = { ...newResource({ apiVersion: 'v1', kind: 'Thing', metadata: { name: 'p' }, spec: envFromConfigMap('cm') }), previousIds: [{ group: '', version: 'v1', kind: 'Pod', name: 'p', namespace: 'default' } satisfies ResourceId] };
    const [out] = fix([wasPod, renamed(configMap('cm'), 'cm-1')]);
    expect(specOf(out!)).toEqual(envFromConfigMap('cm-1'));
  });

  it('leaves IngressClass references alone, as kustomize whose table names group networking.k8s.io/v1', () => {
    // `kubectl kustomize` with a prefix: the IngressClass was renamed, spec.ingressClassName was not.
    const ingress: JsonObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: { ingressClassName: 'ic' } };
    const [out] = fix([newResource(ingress), renamed({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'ic' } }, 'p-ic')]);
    expect(out!.object).toEqual(ingress);
  });

  it('does not mutate its input', () => {
    const input = [newResource(pod('p', envFromConfigMap('cm'))), renamed(configMap('cm'), 'cm-abc')];
    const before = JSON.stringify(input);
    fix(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
