/** A `kustomization.yaml` (kustomize.config.k8s.io/v1beta1), the subset site repositories use. */
export type KustomizeFile = {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  resources: string[];
  patches?: Array<{
    path: string;
    target: { kind: string; name: string; namespace?: string };
  }>;
};

export function kustomizeFile(
  resources: string[],
  patches?: KustomizeFile['patches'],
): KustomizeFile {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    ...(patches && patches.length > 0 ? { patches } : {}),
  };
}
