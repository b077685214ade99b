import { Document } from 'yaml';

/** One file of a rendered site repository, path relative to the repository root. */
export type SiteFile = {
  path: string;
  content: string;
};

/** A rendered site repository: its files and the catalog entities its catalog-info.yaml declares. */
export type RenderedSite = {
  files: SiteFile[];
  entityRefs: string[];
};

/** Serialises one value as a YAML document; strings stay strings whatever they contain. */
function toYamlDocument(value: unknown): string {
  return new Document(value, { aliasDuplicateObjects: false }).toString({
    lineWidth: 0,
  });
}

/** A YAML file holding one or more documents, each built as an object and serialised. */
export function yamlFile(path: string, ...documents: unknown[]): SiteFile {
  return { path, content: documents.map(toYamlDocument).join('---\n') };
}

/** A text file (README, prose). */
export function textFile(path: string, content: string): SiteFile {
  return { path, content };
}
