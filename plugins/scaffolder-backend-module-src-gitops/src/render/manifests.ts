/**
 * Typed Kubernetes objects the renderer builds. The shapes come from the upstream models
 * (kubernetes-models), with `metadata.name` and `spec` required as every rendered object has them.
 */
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IKustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import type { IHelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease';
import type { IHelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository';
import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';

type Named = { metadata: IObjectMeta & { name: string } };
type WithSpec<T extends { spec?: unknown }> = { spec: NonNullable<T['spec']> };

export type NamespaceObject = INamespace & Named;
export type ApplicationObject = IApplication & Named & WithSpec<IApplication>;
export type AppProjectObject = IAppProject & Named & WithSpec<IAppProject>;
export type FluxKustomizationObject = IKustomization &
  Named &
  WithSpec<IKustomization>;
export type HelmReleaseObject = IHelmRelease & Named & WithSpec<IHelmRelease>;
export type HelmRepositoryObject = IHelmRepository &
  Named &
  WithSpec<IHelmRepository>;
export type ClusterIssuerObject = IClusterIssuer &
  Named &
  WithSpec<IClusterIssuer>;
export type ClusterSecretStoreObject = IClusterSecretStore &
  Named &
  WithSpec<IClusterSecretStore>;
