/**
 * Kinds that are certainly cluster-scoped, by `apiVersion` then kind: the built-in Kubernetes v1.21.2
 * types kustomize knows without a schema. A kind not listed is treated as namespaced, as kustomize does.
 */
const clusterScoped: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'admissionregistration.k8s.io/v1beta1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
    'apiextensions.k8s.io/v1beta1': ['CustomResourceDefinition'],
    'apiregistration.k8s.io/v1': ['APIService'],
    'apiregistration.k8s.io/v1beta1': ['APIService'],
    'certificates.k8s.io/v1': ['CertificateSigningRequest'],
    'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
    'flowcontrol.apiserver.k8s.io/v1beta1': ['FlowSchema', 'PriorityLevelConfiguration'],
    'networking.k8s.io/v1': ['IngressClass'],
    'networking.k8s.io/v1beta1': ['IngressClass'],
    'node.k8s.io/v1': ['RuntimeClass'],
    'node.k8s.io/v1beta1': ['RuntimeClass'],
    'policy/v1beta1': ['PodSecurityPolicy'],
    'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding'],
    'rbac.authorization.k8s.io/v1beta1': ['ClusterRole', 'ClusterRoleBinding'],
    'scheduling.k8s.io/v1': ['PriorityClass'],
    'scheduling.k8s.io/v1beta1': ['PriorityClass'],
    'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    'storage.k8s.io/v1beta1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    v1: ['ComponentStatus', 'Namespace', 'Node', 'NodeProxyOptions', 'PersistentVolume'],
  }).map(([apiVersion, kinds]) => [apiVersion, new Set(kinds)]),
);

/** Every kind listed above, so that most kinds are answered without building their apiVersion. */
const clusterScopedKinds: ReadonlySet<string> = new Set([...clusterScoped.values()].flatMap((kinds) => [...kinds]));

/** True when `kind` in `group`/`version` is known to be cluster-scoped. */
export function isClusterScoped(group: string, version: string, kind: string): boolean {
  if (!clusterScopedKinds.has(kind)) return false;
  return clusterScoped.get(group === '' ? version : `${group}/${version}`)?.has(kind) ?? false;
}
