/** One reason a site repository must not be published. */
export type ValidationProblem = {
  /** Path of the file, relative to the repository root. */
  file: string;
  /** `Kind/namespace/name` of the object, when the problem is inside one. */
  object?: string;
  /** Dotted path of the field at fault, when known. */
  field?: string;
  reason: string;
};

/** One line per problem, for logs and error messages. */
export function formatProblem(problem: ValidationProblem): string {
  return [
    problem.file,
    problem.object ? ` ${problem.object}` : '',
    problem.field ? ` ${problem.field}` : '',
    `: ${problem.reason}`,
  ].join('');
}
