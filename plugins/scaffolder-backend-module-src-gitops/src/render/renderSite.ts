import { stringifyEntityRef } from '@backstage/catalog-model';
import { SiteSpec } from '@srcnet/plugin-src-gitops-common';
import { RenderedSite, yamlFile } from './siteFiles';
import { renderArgoCdSite } from './argocd';
import { renderFluxSite } from './flux';
import { siteEntities } from './catalogInfo';
import { ciPipeline } from './ciPipeline';
import { siteReadme } from './siteReadme';

/**
 * Renders an SRC site's whole GitOps repository from a validated spec. Pure: no I/O, the same
 * spec always gives the same files, in a stable order.
 */
export function renderSite(spec: SiteSpec): RenderedSite {
  const entities = siteEntities(spec);
  const files = [
    ...(spec.engine === 'argocd'
      ? renderArgoCdSite(spec)
      : renderFluxSite(spec)),
    yamlFile('catalog-info.yaml', ...entities),
    ciPipeline(spec),
    siteReadme(spec),
  ].sort((a, b) => a.path.localeCompare(b.path));
  return { files, entityRefs: entities.map(e => stringifyEntityRef(e)) };
}
