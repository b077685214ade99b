import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';
import { ServedKind } from '../cluster/gitopsKinds';
import { ObjectOrigin, RawObject } from './common';
import { normaliseApplication } from './argocd';
import { normaliseFluxObject } from './flux';

/** Any served GitOps object as the one status model. */
export function normaliseObject(
  kind: ServedKind,
  object: RawObject,
  origin: ObjectOrigin,
): GitOpsResource {
  return kind.engine === 'argocd'
    ? normaliseApplication(object, origin)
    : normaliseFluxObject(object, origin, kind.kind);
}
