import { normaliseApplication } from './argocd';
import { fluxHealth, linkFluxSources, normaliseFluxObject } from './flux';
import { RawObject } from './common';
import { servedKinds } from '../cluster/gitopsKinds';

const origin = {
  cluster: 'chsrc-prod',
  site: 'chsrc-main',
  argocdUrl: 'https://argocd.example.ch/',
};

const multiSourceApp: RawObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: {
    name: 'vault',
    namespace: 'argocd',
    labels: { 'srcnet.skao.int/component': 'vault' },
  },
  spec: {
    sources: [
      {
        repoURL: 'https://helm.releases.hashicorp.com',
        chart: 'vault',
        targetRevision: '0.34.1',
      },
      {
        repoURL: 'https://gitlab.com/x/site.git',
        targetRevision: 'main',
        ref: 'values',
      },
    ],
    destination: {
      server: 'https://kubernetes.default.svc',
      namespace: 'vault',
    },
  },
  status: {
    sync: { status: 'OutOfSync', revisions: ['0.34.1', 'bbbb'] },
    health: { status: 'Healthy' },
    operationState: {
      phase: 'Succeeded',
      finishedAt: '2026-11-20T10:00:00Z',
      syncResult: { revisions: ['0.34.1', 'aaaa'] },
    },
    history: [
      {
        id: 1,
        revisions: ['0.34.0', '1111'],
        deployedAt: '2026-11-01T10:00:00Z',
      },
      {
        id: 2,
        revisions: ['0.34.1', 'aaaa'],
        deployedAt: '2026-11-20T10:00:00Z',
      },
    ],
  },
};

describe('normaliseApplication', () => {
  it('reads a multi-source Helm Application: chart, revisions, history, deep link', () => {
    const r = normaliseApplication(multiSourceApp, origin);
    expect(r).toMatchObject({
      id: 'chsrc-prod/argocd/Application/argocd/vault',
      health: 'healthy',
      sync: 'out-of-sync',
      desiredRevision: 'bbbb',
      appliedRevision: 'aaaa',
      chart: {
        name: 'vault',
        version: '0.34.1',
        repoUrl: 'https://helm.releases.hashicorp.com',
      },
      destination: { namespace: 'vault' },
      lastSyncedAt: '2026-11-20T10:00:00Z',
      component: 'vault',
      externalUrl: 'https://argocd.example.ch/applications/argocd/vault',
    });
    expect(r.history.map(h => h.revision)).toEqual(['aaaa', '1111']);
  });

  it('counts a failed sync operation as degraded even when Argo CD says Healthy', () => {
    const app = {
      ...multiSourceApp,
      status: {
        ...multiSourceApp.status,
        operationState: { phase: 'Failed', message: 'hook failed' },
      },
    };
    expect(normaliseApplication(app, origin)).toMatchObject({
      health: 'degraded',
      reason: 'OperationFailed',
      message: 'hook failed',
    });
  });

  it('survives an Application without status, and unknown health values', () => {
    const bare = {
      metadata: { name: 'x', namespace: 'argocd' },
      spec: { source: { repoURL: 'r', path: 'p', targetRevision: 'HEAD' } },
    };
    expect(normaliseApplication(bare, origin)).toMatchObject({
      health: 'unknown',
      sync: 'unknown',
      desiredRevision: 'HEAD',
      history: [],
      conditions: [],
    });
    const odd = {
      ...bare,
      status: {
        health: { status: 'Weird' },
        sync: { status: 'Sideways' },
        history: 'not-a-list',
      },
    };
    expect(normaliseApplication(odd, origin)).toMatchObject({
      health: 'unknown',
      sync: 'unknown',
      history: [],
    });
  });
});

function flux(
  kind: string,
  generation: number,
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): RawObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind,
    metadata: { name: 'apps', namespace: 'flux-system', generation },
    spec,
    status,
  };
}

const ready = (status: string, observedGeneration?: number) => ({
  type: 'Ready',
  status,
  reason: status === 'True' ? 'ReconciliationSucceeded' : 'Failed',
  message: 'm',
  observedGeneration,
});

describe('fluxHealth', () => {
  it('is healthy when Ready is True at the current generation', () => {
    expect(
      fluxHealth(
        flux('Kustomization', 3, {
          observedGeneration: 3,
          conditions: [ready('True', 3)],
        }),
      ).health,
    ).toBe('healthy');
  });

  it('does not let a stale Reconciling override an applied Ready', () => {
    const object = flux('Kustomization', 3, {
      observedGeneration: 3,
      conditions: [
        ready('True', 3),
        {
          type: 'Reconciling',
          status: 'True',
          observedGeneration: 2,
          reason: 'Progressing',
        },
      ],
    });
    expect(fluxHealth(object).health).toBe('healthy');
  });

  it('is progressing when Reconciling is current, or a new generation is not yet observed', () => {
    const reconciling = flux('Kustomization', 3, {
      observedGeneration: 3,
      conditions: [
        ready('True', 3),
        {
          type: 'Reconciling',
          status: 'True',
          observedGeneration: 3,
          reason: 'Progressing',
        },
      ],
    });
    expect(fluxHealth(reconciling).health).toBe('progressing');
    const unobserved = flux('Kustomization', 4, {
      observedGeneration: 3,
      conditions: [ready('True', 3)],
    });
    expect(fluxHealth(unobserved)).toMatchObject({
      health: 'progressing',
      reason: 'NewGeneration',
    });
  });

  it('is degraded when Stalled or Ready is False', () => {
    expect(
      fluxHealth(
        flux('HelmRelease', 1, {
          observedGeneration: 1,
          conditions: [ready('False', 1)],
        }),
      ).health,
    ).toBe('degraded');
    const stalled = flux('HelmRelease', 1, {
      observedGeneration: 1,
      conditions: [
        ready('True', 1),
        { type: 'Stalled', status: 'True', reason: 'ArtifactFailed' },
      ],
    });
    expect(fluxHealth(stalled)).toMatchObject({
      health: 'degraded',
      reason: 'ArtifactFailed',
    });
  });

  it('says suspended for suspended objects and unknown without any status', () => {
    expect(
      fluxHealth(
        flux(
          'Kustomization',
          1,
          { observedGeneration: 1, conditions: [ready('True', 1)] },
          { suspend: true },
        ),
      ).health,
    ).toBe('suspended');
    expect(
      fluxHealth({ metadata: { name: 'x', generation: 1 } }),
    ).toMatchObject({ health: 'unknown', reason: 'NoStatus' });
  });
});

describe('Flux desired versus applied', () => {
  it('reads HelmRelease v2 history and v2beta1 lastAppliedRevision', () => {
    const v2 = normaliseFluxObject(
      {
        metadata: { name: 'vault', namespace: 'vault', generation: 1 },
        spec: {
          chart: {
            spec: {
              chart: 'vault',
              version: '0.34.1',
              sourceRef: { kind: 'HelmRepository', name: 'vault' },
            },
          },
        },
        status: {
          observedGeneration: 1,
          conditions: [ready('True', 1)],
          history: [
            {
              chartName: 'vault',
              chartVersion: '0.34.0',
              status: 'deployed',
              version: 4,
            },
          ],
        },
      },
      origin,
      'HelmRelease',
    );
    expect(v2).toMatchObject({
      desiredRevision: '0.34.1',
      appliedRevision: '0.34.0',
      sync: 'out-of-sync',
      chart: { name: 'vault', version: '0.34.0' },
    });
    const beta = normaliseFluxObject(
      {
        metadata: { name: 'vault', namespace: 'vault', generation: 1 },
        spec: { chart: { spec: { chart: 'vault', version: '0.28.0' } } },
        status: {
          observedGeneration: 1,
          lastAppliedRevision: '0.28.0',
          conditions: [ready('True', 1)],
        },
      },
      origin,
      'HelmRelease',
    );
    expect(beta).toMatchObject({ appliedRevision: '0.28.0', sync: 'synced' });
  });

  it('links a Kustomization to its GitRepository so a lagging apply is out of sync', () => {
    const repo = normaliseFluxObject(
      {
        metadata: {
          name: 'flux-system',
          namespace: 'flux-system',
          generation: 1,
        },
        spec: { url: 'https://gitlab.com/x.git' },
        status: {
          observedGeneration: 1,
          conditions: [ready('True', 1)],
          artifact: { revision: 'main@sha1:new' },
        },
      },
      origin,
      'GitRepository',
    );
    const ks = normaliseFluxObject(
      flux(
        'Kustomization',
        1,
        {
          observedGeneration: 1,
          conditions: [ready('True', 1)],
          lastAppliedRevision: 'main@sha1:old',
          lastAttemptedRevision: 'main@sha1:old',
        },
        {
          sourceRef: { kind: 'GitRepository', name: 'flux-system' },
          path: './apps',
        },
      ),
      origin,
      'Kustomization',
    );
    expect(ks.sync).toBe('synced');
    const linked = linkFluxSources([repo, ks]).find(
      r => r.kind === 'Kustomization',
    )!;
    expect(linked).toMatchObject({
      sync: 'out-of-sync',
      desiredRevision: 'main@sha1:new',
      appliedRevision: 'main@sha1:old',
      source: { path: './apps', repoUrl: 'https://gitlab.com/x.git' },
    });
  });
});

describe('servedKinds', () => {
  it('prefers GA versions and falls back to the betas a cluster still serves', () => {
    const kinds = servedKinds(
      {
        groups: [
          { name: 'argoproj.io', versions: [{ version: 'v1alpha1' }] },
          {
            name: 'kustomize.toolkit.fluxcd.io',
            versions: [{ version: 'v1beta1' }],
          },
          {
            name: 'helm.toolkit.fluxcd.io',
            versions: [{ version: 'v2beta1' }, { version: 'v2' }],
          },
        ],
      },
      { argocd: true, flux: true },
    );
    expect(kinds.map(k => `${k.kind}@${k.version}`)).toEqual([
      'Application@v1alpha1',
      'Kustomization@v1beta1',
      'HelmRelease@v2',
    ]);
  });

  it('leaves out Flux when the cluster is configured without it', () => {
    const kinds = servedKinds(
      {
        groups: [
          { name: 'helm.toolkit.fluxcd.io', versions: [{ version: 'v2' }] },
        ],
      },
      { argocd: true, flux: false },
    );
    expect(kinds).toEqual([]);
  });
});
