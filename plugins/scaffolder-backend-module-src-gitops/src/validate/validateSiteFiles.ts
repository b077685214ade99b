import {
  Entity,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { SiteFile } from '../render/siteFiles';
import { parseRepositoryFiles, ParsedDocument } from './parseRepositoryFiles';
import {
  KubeObject,
  describeObject,
  isKubeObject,
  isRecord,
} from './kubeObject';
import {
  LocatedKustomization,
  LocatedObject,
  RepositoryPaths,
  checkApplication,
  checkDuplicates,
  checkFluxKustomizations,
  checkHelmReleaseSources,
  checkKustomization,
  patchFiles,
  repoPath,
} from './checkReferences';
import { ObjectSchemas } from './objectSchemas';
import { ValidationProblem } from './validationProblem';

const KUSTOMIZE_FILE = /(^|\/)kustomization\.ya?ml$/;
const CI_FILE = /^(\.gitlab-ci\.yml|\.github\/)/;
const CATALOG_FILE = /(^|\/)catalog-info\.ya?ml$/;

/** Options of a validation run. */
export type ValidateSiteOptions = {
  /** The site repository's own URL, so Application sources pointing elsewhere are not resolved here. */
  repositoryUrl?: string;
};

// Loaded schemas are kept for the life of the process: validation is on every template run.
const schemas = new ObjectSchemas();

const entityPolicies = [
  new SchemaValidEntityPolicy(),
  new FieldFormatEntityPolicy(),
];

async function checkEntity(doc: ParsedDocument): Promise<ValidationProblem[]> {
  const entity = doc.value as Entity;
  const name =
    isRecord(entity) && isRecord(entity.metadata)
      ? `${String(entity.kind)}/${String(entity.metadata.name)}`
      : `document ${doc.index + 1}`;
  for (const policy of entityPolicies) {
    try {
      await policy.enforce(entity);
    } catch (error) {
      return [
        {
          file: doc.file,
          object: name,
          reason: `not a valid catalog entity: ${(error as Error).message}`,
        },
      ];
    }
  }
  return [];
}

function isFluxKustomization(object: KubeObject): boolean {
  return (
    object.kind === 'Kustomization' &&
    object.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/')
  );
}

/**
 * Validates a site repository before it is published: every YAML document parses, every
 * Kubernetes object matches its upstream schema, and every path, values file, patch,
 * `dependsOn` and chart source the repository refers to exists. Pure: takes the files.
 */
export async function validateSiteFiles(
  files: SiteFile[],
  options: ValidateSiteOptions = {},
): Promise<ValidationProblem[]> {
  const { documents, problems } = parseRepositoryFiles(files);
  const paths = new RepositoryPaths(files.map(f => f.path));

  const kustomizeFiles: LocatedKustomization[] = [];
  const rest: ParsedDocument[] = [];
  for (const doc of documents) {
    if (KUSTOMIZE_FILE.test(doc.file)) {
      const value = isRecord(doc.value) ? doc.value : {};
      if (
        value.kind !== 'Kustomization' ||
        value.apiVersion !== 'kustomize.config.k8s.io/v1beta1'
      ) {
        problems.push({
          file: doc.file,
          reason:
            "a kustomization.yaml must be 'kustomize.config.k8s.io/v1beta1' Kustomization",
        });
      }
      kustomizeFiles.push({
        file: doc.file,
        resources: value.resources,
        patches: value.patches,
      });
    } else {
      rest.push(doc);
    }
  }
  const patches = new Set(kustomizeFiles.flatMap(patchFiles));
  problems.push(...kustomizeFiles.flatMap(k => checkKustomization(k, paths)));

  const objects: LocatedObject[] = [];
  for (const doc of rest) {
    if (CI_FILE.test(doc.file)) continue;
    if (CATALOG_FILE.test(doc.file)) {
      problems.push(...(await checkEntity(doc)));
      continue;
    }
    if (doc.value === null || doc.value === undefined) continue; // an empty document
    if (!isKubeObject(doc.value)) {
      if (/values\.ya?ml$/.test(doc.file)) {
        if (!isRecord(doc.value)) {
          problems.push({
            file: doc.file,
            reason: 'Helm values must be a mapping',
          });
        }
        continue;
      }
      problems.push({
        file: doc.file,
        reason: `document ${
          doc.index + 1
        } is not a Kubernetes object (needs apiVersion, kind and metadata.name)`,
      });
      continue;
    }
    const object = doc.value;
    if (patches.has(repoPath(doc.file))) {
      continue; // a partial object merged by Kustomize; its target is checked as a whole
    }
    objects.push({ file: doc.file, object });
    for (const error of await schemas.validate(object)) {
      problems.push({
        file: doc.file,
        object: describeObject(object),
        field: error.field,
        reason: error.reason,
      });
    }
  }

  problems.push(
    ...objects
      .filter(
        o =>
          o.object.kind === 'Application' &&
          o.object.apiVersion.startsWith('argoproj.io/'),
      )
      .flatMap(o => checkApplication(o, paths, options.repositoryUrl)),
    ...checkFluxKustomizations(
      objects.filter(o => isFluxKustomization(o.object)),
      paths,
    ),
    ...checkHelmReleaseSources(
      objects.filter(o => o.object.kind === 'HelmRelease'),
      objects.filter(o => /^(Helm|Git|OCI)Repository$/.test(o.object.kind)),
    ),
    ...checkDuplicates(objects),
  );
  return problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.object ?? '').localeCompare(b.object ?? ''),
  );
}
