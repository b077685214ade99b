import { ClusterStore, KubeObject } from './clusterStore';

const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';

/** How many ticks an object stays Progressing before it turns Healthy / Ready. */
const PROGRESS_TICKS = 2;

function setReady(
  object: KubeObject,
  status: 'True' | 'Unknown',
  reason: string,
  message: string,
) {
  const conditions: Array<Record<string, any>> =
    object.status?.conditions ?? [];
  const now = new Date().toISOString();
  const ready = {
    type: 'Ready',
    status,
    reason,
    message,
    lastTransitionTime: now,
    observedGeneration: object.metadata.generation,
  };
  object.status = {
    ...object.status,
    observedGeneration:
      status === 'True'
        ? object.metadata.generation
        : object.status?.observedGeneration,
    conditions: [ready, ...conditions.filter(c => c.type !== 'Ready')],
  };
}

function revisionFields(app: KubeObject): Record<string, unknown> {
  const sources = (app.spec?.sources ?? [app.spec?.source]) as Array<
    Record<string, any>
  >;
  const current = app.status?.sync ?? {};
  if (Array.isArray(app.spec?.sources)) {
    return {
      revisions: sources.map((s, i) =>
        s.chart ? String(s.targetRevision) : current.revisions?.[i],
      ),
    };
  }
  return { revision: current.revision };
}

/**
 * One step of the simulated controllers: a requested sync completes, a refresh is handled,
 * Progressing settles, a Flux reconcile request is acknowledged. Each change is a real write
 * (new resourceVersion, watch event), as Argo CD and Flux controllers make.
 */
export function reconcile(
  store: ClusterStore,
  ticks: Map<string, number>,
): number {
  let changes = 0;
  for (const { plural, object } of store.all()) {
    const key = `${plural}/${object.metadata.namespace}/${object.metadata.name}`;
    if (object.kind === 'Application') {
      const operation = (
        object as KubeObject & { operation?: Record<string, any> }
      ).operation;
      const annotations = object.metadata.annotations ?? {};
      if (operation) {
        const at = new Date().toISOString();
        store.update(plural, object, o => {
          const fields = revisionFields(o);
          const history: Array<Record<string, any>> = o.status?.history ?? [];
          delete (o as { operation?: unknown }).operation;
          o.status = {
            ...o.status,
            sync: { ...o.status?.sync, status: 'Synced', ...fields },
            health: { status: 'Progressing' },
            operationState: {
              phase: 'Succeeded',
              message: 'successfully synced (all tasks run)',
              startedAt: at,
              finishedAt: at,
              operation,
              syncResult: fields,
            },
            history: [
              ...history,
              {
                id: (history[history.length - 1]?.id ?? 0) + 1,
                ...fields,
                deployedAt: at,
                deployStartedAt: at,
              },
            ].slice(-10),
            conditions: [],
            reconciledAt: at,
          };
        });
        ticks.set(key, 0);
        changes += 1;
      } else if (annotations[REFRESH_ANNOTATION]) {
        store.update(plural, object, o => {
          delete o.metadata.annotations![REFRESH_ANNOTATION];
          o.status = { ...o.status, reconciledAt: new Date().toISOString() };
        });
        changes += 1;
      } else if (object.status?.health?.status === 'Progressing') {
        const n = (ticks.get(key) ?? 0) + 1;
        ticks.set(key, n);
        if (n >= PROGRESS_TICKS) {
          store.update(plural, object, o => {
            o.status = { ...o.status, health: { status: 'Healthy' } };
          });
          ticks.delete(key);
          changes += 1;
        }
      }
      continue;
    }
    if (object.kind === 'AppProject') continue;
    const requested = object.metadata.annotations?.[RECONCILE_ANNOTATION];
    if (requested && requested !== object.status?.lastHandledReconcileAt) {
      store.update(plural, object, o => {
        o.status = { ...o.status, lastHandledReconcileAt: requested };
        if (!o.spec?.suspend)
          setReady(o, 'Unknown', 'Progressing', 'Reconciliation in progress');
      });
      ticks.set(key, 0);
      changes += 1;
      continue;
    }
    const ready = (
      object.status?.conditions as Array<Record<string, any>> | undefined
    )?.find(c => c.type === 'Ready');
    const stale =
      (object.status?.observedGeneration ?? 0) <
      (object.metadata.generation ?? 1);
    if (!object.spec?.suspend && (ready?.status === 'Unknown' || stale)) {
      const n = (ticks.get(key) ?? 0) + 1;
      ticks.set(key, n);
      if (n >= PROGRESS_TICKS) {
        store.update(plural, object, o => {
          const revision =
            o.status?.lastAttemptedRevision ??
            o.status?.artifact?.revision ??
            'main';
          setReady(
            o,
            'True',
            'ReconciliationSucceeded',
            `Applied revision: ${revision}`,
          );
        });
        ticks.delete(key);
        changes += 1;
      }
    }
  }
  return changes;
}
