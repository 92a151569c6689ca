import { KustomizeError } from '../../errors.js';
import type { JsonObject } from '../../json.js';
import { newResource, type Resource } from '../../resource/resource.js';

/** The configuration of kustomize's IAMPolicyGenerator (api/types IAMPolicyGeneratorArgs). */
export interface IamPolicyGeneratorArgs {
  /** The cloud provider; only `gke` is supported, as in kustomize. */
  readonly cloud: string;
  /** The Kubernetes service account to make. */
  readonly kubernetesService: { readonly name: string; readonly namespace: string };
  /** The cloud service account it is bound to, and its project. */
  readonly serviceAccount: { readonly name: string; readonly projectId: string };
}

/**
 * The resources kustomize's IAMPolicyGenerator makes: for `gke`, a ServiceAccount annotated with the
 * Google service account it acts as (`iam.gke.io/gcp-service-account`). Any other cloud is an error.
 */
export function generateIamPolicy(args: IamPolicyGeneratorArgs, file: string): Resource[] {
  if (args.cloud !== 'gke') {
    throw new KustomizeError('unsupported', `cloud provider ${args.cloud} not supported yet`, { file, field: 'cloud' }, 'set cloud: gke, the one provider kustomize supports');
  }
  const metadata: JsonObject = {
    annotations: { 'iam.gke.io/gcp-service-account': `${args.serviceAccount.name}@${args.serviceAccount.projectId}.iam.gserviceaccount.com` },
    name: args.kubernetesService.name,
    ...(args.kubernetesService.namespace === '' ? {} : { namespace: args.kubernetesService.namespace }),
  };
  return [newResource({ apiVersion: 'v1', kind: 'ServiceAccount', metadata })];
}
