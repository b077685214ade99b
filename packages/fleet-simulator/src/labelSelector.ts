/** Equality-based and existence label selectors, as the API server accepts them. */
type Requirement =
  | { op: '='; key: string; value: string }
  | { op: '!='; key: string; value: string }
  | { op: 'exists'; key: string }
  | { op: '!exists'; key: string };

export class LabelSelectorError extends Error {}

export function parseLabelSelector(selector: string | null | undefined): Requirement[] {
  if (!selector) return [];
  return selector
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(part => {
      const ne = part.match(/^([^=!]+)!=(.*)$/);
      if (ne) return { op: '!=' as const, key: ne[1].trim(), value: ne[2].trim() };
      const eq = part.match(/^([^=!]+)==?(.*)$/);
      if (eq) return { op: '=' as const, key: eq[1].trim(), value: eq[2].trim() };
      if (part.startsWith('!')) return { op: '!exists' as const, key: part.slice(1).trim() };
      if (/^[\w./-]+$/.test(part)) return { op: 'exists' as const, key: part };
      throw new LabelSelectorError(`unable to parse requirement: '${part}'`);
    });
}

export function matchesLabels(requirements: Requirement[], labels: Record<string, string> = {}): boolean {
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
