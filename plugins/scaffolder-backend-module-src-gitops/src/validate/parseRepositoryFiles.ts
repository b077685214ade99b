import { parseAllDocuments } from 'yaml';
import { SiteFile } from '../render/siteFiles';
import { ValidationProblem } from './validationProblem';

/** One YAML document of a repository file. */
export type ParsedDocument = {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
};

export function isYamlFile(path: string): boolean {
  return /\.ya?ml$/.test(path);
}

/** Parses every YAML document of every YAML file; syntax errors become problems. */
export function parseRepositoryFiles(files: SiteFile[]): {
  documents: ParsedDocument[];
  problems: ValidationProblem[];
} {
  const documents: ParsedDocument[] = [];
  const problems: ValidationProblem[] = [];
  for (const file of files.filter(f => isYamlFile(f.path))) {
    const docs = parseAllDocuments(file.content, { uniqueKeys: true });
    // parseAllDocuments returns an EmptyStream (not an array) for an empty file.
    if (!Array.isArray(docs)) continue;
    docs.forEach((doc, index) => {
      if (doc.errors.length > 0) {
        problems.push({
          file: file.path,
          reason: `YAML syntax error in document ${index + 1}: ${
            doc.errors[0].message
          }`,
        });
        return;
      }
      documents.push({ file: file.path, index, value: doc.toJS() });
    });
  }
  return { documents, problems };
}
