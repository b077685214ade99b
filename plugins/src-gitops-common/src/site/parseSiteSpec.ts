import { z } from 'zod';
import { COMPONENT_IDS } from '../catalogue/componentCatalogue';
import { SiteSpec, siteSpecSchema } from './siteSpec';

/** One problem with a site spec: where (a field path like `environments[1].baseDomain`) and why. */
export type SiteSpecProblem = { field: string; message: string };

/** Thrown when a site spec does not validate; `problems` lists every field at fault. */
export class SiteSpecValidationError extends Error {
  readonly problems: SiteSpecProblem[];

  constructor(problems: SiteSpecProblem[]) {
    super(
      `The site spec is not valid:\n${problems
        .map(p => `- ${p.field || '(spec)'}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'SiteSpecValidationError';
    this.problems = problems;
  }
}

function fieldPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`,
    )
    .join('');
}

/** zod's own messages ("Required", "Invalid enum value. ...", "Expected string, ..."). */
const ZOD_DEFAULT_MESSAGE = /^(Required|Invalid|Expected|Unrecognized)/;

function describeIssue(issue: z.ZodIssue): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) {
    return issue.message; // ours, written for people
  }
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.map(k => `'${k}'`).join(', ');
    if (issue.path.length === 1 && issue.path[0] === 'components') {
      return `unknown component ${keys}; known components are ${COMPONENT_IDS.join(
        ', ',
      )}`;
    }
    return `unknown field ${keys}`;
  }
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.received === 'undefined') {
      return 'is required';
    }
    return `must be ${issue.expected}, got ${issue.received}`;
  }
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return `must be one of ${issue.options.join(', ')}, got '${String(
      issue.received,
    )}'`;
  }
  return issue.message;
}

/** The problems of a candidate spec, empty when it is valid. */
export function checkSiteSpec(input: unknown): SiteSpecProblem[] {
  const result = siteSpecSchema.safeParse(input);
  if (result.success) {
    return [];
  }
  return result.error.issues.map(issue => ({
    field: fieldPath(issue.path),
    message: describeIssue(issue),
  }));
}

/**
 * Validates a site spec and applies its defaults.
 * @throws SiteSpecValidationError naming every field at fault
 */
export function parseSiteSpec(input: unknown): SiteSpec {
  const result = siteSpecSchema.safeParse(input);
  if (!result.success) {
    throw new SiteSpecValidationError(checkSiteSpec(input));
  }
  return result.data;
}
