import { Entity } from '@backstage/catalog-model';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  SRC_NODE_ANNOTATION,
  SRC_SITE_ANNOTATION,
} from '@srcnet/plugin-src-gitops-common';
import { dirname, isAbsolute, resolve } from 'path';
import { fileURLToPath } from 'url';
import {
  RepositoryRead,
  isLocalTarget,
  readLocalGitRepository,
  readUrlRepository,
} from './siteRepository/readSiteRepository';
import { scanSiteRepository } from './siteRepository/scanSiteRepository';
import {
  serviceEntities,
  SiteRepositoryOwner,
} from './siteRepository/serviceEntities';
import { RepoProblem, SiteRepositoryScan } from './siteRepository/types';

/** The Location type this processor reads. */
export const SITE_REPOSITORY_LOCATION_TYPE = 'srcnet-site-repo';
/** Location annotation: the owner of the services read (an entity ref). */
export const SRC_OWNER_ANNOTATION = 'srcnet.skao.int/owner';
/**
 * Location annotation: only these environments (comma-separated), for a repository shared by
 * several sites, e.g. UKSRC's `clusters/<site>/` folders.
 */
export const SRC_ENVIRONMENTS_ANNOTATION = 'srcnet.skao.int/environments';
/** Location annotation: `env=cluster` pairs, comma-separated. */
export const SRC_ENVIRONMENT_CLUSTERS_ANNOTATION =
  'srcnet.skao.int/environment-clusters';

const SITE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_REPORTED = 20;

type CachedScan = { etag: string; scan: SiteRepositoryScan };

/**
 * A relative target (`../.data/git-remotes/x.git`) is resolved against the file that declares
 * the Location, so example catalogs can point at repositories next to them.
 */
function resolveTarget(
  target: string | undefined,
  location: LocationSpec,
): string | undefined {
  if (!target || !/^\.\.?\//.test(target) || location.type !== 'file') {
    return target;
  }
  const base = location.target.startsWith('file:')
    ? fileURLToPath(location.target)
    : location.target;
  return resolve(dirname(base), target);
}

function isSiteRepositoryLocation(entity: Entity): boolean {
  return (
    entity.kind === 'Location' &&
    (entity.spec as { type?: string } | undefined)?.type ===
      SITE_REPOSITORY_LOCATION_TYPE
  );
}

function parseEnvironmentClusters(
  value: string | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)) {
    const [env, cluster] = pair.split('=').map(s => s.trim());
    if (!env || !cluster) throw new Error(`'${pair}' is not env=cluster`);
    result[env] = cluster;
  }
  return result;
}

export function formatRepoProblem(p: RepoProblem): string {
  return p.file ? `${p.file}: ${p.message}` : p.message;
}

/**
 * Reads the GitOps repository of an SRC site and emits the platform services it deploys.
 *
 * A site repository is registered as a Location of type `srcnet-site-repo` whose annotations
 * say which site it belongs to; its target is a URL read through the UrlReader, or a local git
 * repository (the embedded default's remotes). What cannot be read becomes a processing error on
 * that Location, and the services emitted last time stay until the repository reads again.
 */
export class SrcNetSiteRepositoryProcessor implements CatalogProcessor {
  static fromConfig(
    config: Config,
    options: {
      reader: UrlReaderService;
      logger: LoggerService;
      baseDir?: string;
    },
  ) {
    const configured =
      config.getOptionalString('srcGitops.localGitRemotes.directory') ??
      '.data/git-remotes';
    const root = isAbsolute(configured)
      ? configured
      : resolve(options.baseDir ?? process.cwd(), configured);
    return new SrcNetSiteRepositoryProcessor(options.reader, options.logger, [
      root,
    ]);
  }

  constructor(
    private readonly reader: UrlReaderService,
    private readonly logger: LoggerService,
    private readonly localRoots: string[],
  ) {}

  getProcessorName(): string {
    return 'SrcNetSiteRepositoryProcessor';
  }

  // The special location step reads every Location's target; ours is read in postProcessEntity,
  // where the Location's annotations (site, node, owner) are known.
  async readLocation(location: LocationSpec): Promise<boolean> {
    return location.type === SITE_REPOSITORY_LOCATION_TYPE;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!isSiteRepositoryLocation(entity)) return entity;
    const fail = (message: string) => {
      emit(processingResult.generalError(location, message));
      return entity;
    };
    const annotations = entity.metadata.annotations ?? {};
    const target = resolveTarget(
      (entity.spec as { target?: string }).target,
      location,
    );
    if (!target)
      return fail(
        `a ${SITE_REPOSITORY_LOCATION_TYPE} Location needs spec.target: the site repository's URL`,
      );
    const site = annotations[SRC_SITE_ANNOTATION];
    if (!site || !SITE_NAME.test(site)) {
      return fail(
        `site repository ${target}: annotation ${SRC_SITE_ANNOTATION} must name the site's System (lower-case, digits, '-'), got ${
          site ? `'${site}'` : 'nothing'
        }`,
      );
    }
    let environmentClusters: Record<string, string>;
    try {
      environmentClusters = parseEnvironmentClusters(
        annotations[SRC_ENVIRONMENT_CLUSTERS_ANNOTATION],
      );
    } catch (error) {
      return fail(
        `site repository ${target}: annotation ${SRC_ENVIRONMENT_CLUSTERS_ANNOTATION}: ${
          (error as Error).message
        }`,
      );
    }
    const owner: SiteRepositoryOwner = {
      site,
      node: annotations[SRC_NODE_ANNOTATION],
      owner: annotations[SRC_OWNER_ANNOTATION] ?? 'unknown',
      repositoryUrl: target,
      environmentClusters,
    };

    const cached = await cache.get<CachedScan>('scan');
    let read: RepositoryRead;
    try {
      read = isLocalTarget(target)
        ? await readLocalGitRepository(target, this.localRoots, cached?.etag)
        : await readUrlRepository(this.reader, target, cached?.etag);
    } catch (error) {
      if (cached) await cache.set('scan', cached);
      return fail(
        `could not read site repository ${target}: ${(error as Error).message}`,
      );
    }
    let scan: SiteRepositoryScan;
    if (read.status === 'not-modified' && cached) {
      scan = cached.scan;
    } else if (read.status === 'read') {
      scan = scanSiteRepository(read.files, { repositoryUrl: target });
      for (const skipped of read.skipped) {
        scan.problems.push({
          severity: 'warning',
          file: skipped,
          message: 'larger than 1 MiB, not read',
        });
      }
    } else {
      return fail(
        `site repository ${target} answered "not modified" but nothing was read before`,
      );
    }
    await cache.set('scan', { etag: read.etag, scan });

    const errors = scan.problems.filter(p => p.severity === 'error');
    for (const warning of scan.problems.filter(p => p.severity === 'warning')) {
      this.logger.warn(
        `site repository ${target} (${site}): ${formatRepoProblem(warning)}`,
      );
    }
    if (errors.length > 0) {
      const shown = errors.slice(0, MAX_REPORTED).map(formatRepoProblem);
      const more =
        errors.length > MAX_REPORTED
          ? `; and ${errors.length - MAX_REPORTED} more`
          : '';
      return fail(
        `site repository ${target} of ${site} could not be fully read (${
          errors.length
        } problem${errors.length > 1 ? 's' : ''}): ${shown.join('; ')}${more}`,
      );
    }
    const environments = annotations[SRC_ENVIRONMENTS_ANNOTATION]?.split(',')
      .map(s => s.trim())
      .filter(Boolean);
    const services = environments?.length
      ? scan.services.filter(
          s => s.environment && environments.includes(s.environment),
        )
      : scan.services;
    if (services.length === 0) {
      return fail(
        `site repository ${target} of ${site}: no service in environment ${environments?.join(
          ', ',
        )}; the repository has ${[
          ...new Set(scan.services.map(s => s.environment ?? '(none)')),
        ].join(', ')}`,
      );
    }
    for (const service of serviceEntities(services, owner)) {
      emit(processingResult.entity(location, service));
    }
    return entity;
  }
}
