/** One requirement of a Kubernetes label selector. */
export type LabelRequirement =
  | { op: '='; key: string; value: string }
  | { op: '!='; key: string; value: string }
  | { op: 'exists'; key: string }
  | { op: '!exists'; key: string };

/** A label selector that does not parse. */
export class LabelSelectorError extends Error {}

/** Parses an equality-based label selector (`a=b,c!=d,e,!f`), as the API server accepts it. */
export function parseLabelSelector(
  selector: string | null | undefined,
): LabelRequirement[] {
  if (!selector) return [];
  return selector
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(part => {
      const ne = part.match(/^([^=!]+)!=(.*)$/);
      if (ne)
        return { op: '!=' as const, key: ne[1].trim(), value: ne[2].trim() };
      const eq = part.match(/^([^=!]+)==?(.*)$/);
      if (eq)
        return { op: '=' as const, key: eq[1].trim(), value: eq[2].trim() };
      if (part.startsWith('!'))
        return { op: '!exists' as const, key: part.slice(1).trim() };
      if (/^[\w./-]+$/.test(part)) return { op: 'exists' as const, key: part };
      throw new LabelSelectorError(`unable to parse requirement: '${part}'`);
    });
}

/** Whether labels satisfy every requirement. */
export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> = {},
): boolean {
  return requirements.every(r => {
    switch (r.op) {
      case '=':
        return labels[r.key] === r.value;
      case '!=':
        return labels[r.key] !== r.value;
      case 'exists':
        return r.key in labels;
      default:
        return !(r.key in labels);
    }
  });
}
