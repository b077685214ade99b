import { KubeObject } from './kubeObject';

/** Validates one object against a kubernetes-models class; throws on schema errors. */
type ObjectValidator = (object: KubeObject) => void;

/** Adapts a kubernetes-models class (constructed from data, `validate()` throws). */
function validatorOf(
  Model: new (data?: never) => { validate(): void },
): ObjectValidator {
  return object => new Model(object as never).validate();
}

/**
 * Upstream schemas, by `apiVersion/kind`. The kubernetes-models packages are ESM-only, so they
 * are loaded with a native dynamic import (and only the first time a repository is validated).
 */
const MODEL_LOADERS: Record<string, () => Promise<ObjectValidator>> = {
  'v1/Namespace': async () =>
    validatorOf((await import('kubernetes-models/v1/Namespace')).Namespace),
  'v1/ConfigMap': async () =>
    validatorOf((await import('kubernetes-models/v1/ConfigMap')).ConfigMap),
  'v1/Secret': async () =>
    validatorOf((await import('kubernetes-models/v1/Secret')).Secret),
  'v1/Service': async () =>
    validatorOf((await import('kubernetes-models/v1/Service')).Service),
  'v1/ServiceAccount': async () =>
    validatorOf(
      (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount,
    ),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': async () =>
    validatorOf(
      (
        await import(
          'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding'
        )
      ).ClusterRoleBinding,
    ),
  'networking.k8s.io/v1/Ingress': async () =>
    validatorOf(
      (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
    ),
  'argoproj.io/v1alpha1/Application': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application'
        )
      ).Application,
    ),
  'argoproj.io/v1alpha1/ApplicationSet': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet'
        )
      ).ApplicationSet,
    ),
  'argoproj.io/v1alpha1/AppProject': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject'
        )
      ).AppProject,
    ),
  'source.toolkit.fluxcd.io/v1/GitRepository': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository'
        )
      ).GitRepository,
    ),
  'source.toolkit.fluxcd.io/v1/HelmRepository': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository'
        )
      ).HelmRepository,
    ),
  'source.toolkit.fluxcd.io/v1/OCIRepository': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository'
        )
      ).OCIRepository,
    ),
  'helm.toolkit.fluxcd.io/v2/HelmRelease': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease'
        )
      ).HelmRelease,
    ),
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization'
        )
      ).Kustomization,
    ),
  'cert-manager.io/v1/ClusterIssuer': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer'
        )
      ).ClusterIssuer,
    ),
  'cert-manager.io/v1/Issuer': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer'
        )
      ).Issuer,
    ),
  'cert-manager.io/v1/Certificate': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate'
        )
      ).Certificate,
    ),
  'external-secrets.io/v1/ClusterSecretStore': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore'
        )
      ).ClusterSecretStore,
    ),
  'external-secrets.io/v1/SecretStore': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore'
        )
      ).SecretStore,
    ),
  'external-secrets.io/v1/ExternalSecret': async () =>
    validatorOf(
      (
        await import(
          '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret'
        )
      ).ExternalSecret,
    ),
};

/** API versions that upstream no longer serves (or will not for long), and what replaces them. */
const RETIRED_API_VERSIONS: Record<string, string> = {
  'helm.toolkit.fluxcd.io/v2beta1': 'helm.toolkit.fluxcd.io/v2',
  'helm.toolkit.fluxcd.io/v2beta2': 'helm.toolkit.fluxcd.io/v2',
  'kustomize.toolkit.fluxcd.io/v1beta1': 'kustomize.toolkit.fluxcd.io/v1',
  'kustomize.toolkit.fluxcd.io/v1beta2': 'kustomize.toolkit.fluxcd.io/v1',
  'source.toolkit.fluxcd.io/v1beta1': 'source.toolkit.fluxcd.io/v1',
  'source.toolkit.fluxcd.io/v1beta2': 'source.toolkit.fluxcd.io/v1',
  'external-secrets.io/v1beta1': 'external-secrets.io/v1',
  'external-secrets.io/v1alpha1': 'external-secrets.io/v1',
  'cert-manager.io/v1alpha2': 'cert-manager.io/v1',
};

export type SchemaError = { field?: string; reason: string };

/** Validates Kubernetes objects against upstream schemas; loads each schema once. */
export class ObjectSchemas {
  private readonly models = new Map<string, Promise<ObjectValidator>>();

  /** The schema errors of one object; empty when it is valid. */
  async validate(object: KubeObject): Promise<SchemaError[]> {
    const retiredFor = RETIRED_API_VERSIONS[object.apiVersion];
    if (retiredFor) {
      return [
        {
          field: 'apiVersion',
          reason: `${object.apiVersion} is no longer served upstream; use ${retiredFor}`,
        },
      ];
    }
    const key = `${object.apiVersion}/${object.kind}`;
    const loader = MODEL_LOADERS[key];
    if (!loader) {
      return [
        {
          field: 'apiVersion',
          reason: `no upstream schema is known for ${object.kind} in ${object.apiVersion}, so it cannot be validated`,
        },
      ];
    }
    let model = this.models.get(key);
    if (!model) {
      model = loader();
      this.models.set(key, model);
    }
    const validateObject = await model;
    try {
      validateObject(object);
      return [];
    } catch (error) {
      return schemaErrors(error);
    }
  }
}

type AjvError = {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** The offending property or the allowed values, which ajv keeps out of its message. */
function describeParams(params: AjvError['params']): string {
  if (params?.additionalProperty)
    return ` ('${String(params.additionalProperty)}')`;
  if (Array.isArray(params?.allowedValues))
    return ` (${params!.allowedValues.join(', ')})`;
  return '';
}

function schemaErrors(error: unknown): SchemaError[] {
  const errors = (error as { errors?: AjvError[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return [
      { reason: `does not match its schema: ${(error as Error).message}` },
    ];
  }
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  for (const e of errors) {
    const field = (e.instancePath ?? '')
      .replace(/^\//, '')
      .split('/')
      .filter(Boolean)
      .join('.');
    const extra = describeParams(e.params);
    const reason = `${e.message ?? 'is invalid'}${extra}`;
    const key = `${field}|${reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ field: field || undefined, reason });
    }
  }
  return result;
}

/** The kinds with a known upstream schema, for documentation and tests. */
export const VALIDATED_KINDS = Object.keys(MODEL_LOADERS);
