/** "3 min ago", for freshness and last-sync columns. */
export function relativeTime(
  iso: string | undefined,
  now: Date = new Date(),
): string {
  if (!iso) return 'never';
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return 'unknown';
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A short commit SHA, or the revision as it is (chart versions, `main@sha1:...`). */
export function shortRevision(revision: string | undefined): string {
  if (!revision) return '';
  const sha = revision.match(/(?:sha1:)?([0-9a-f]{40})$/);
  return sha
    ? `${revision.replace(
        /sha1:[0-9a-f]{40}$|[0-9a-f]{40}$/,
        '',
      )}${sha[1].slice(0, 7)}`
    : revision;
}

/** A link to the commit, for repositories on GitLab or GitHub. */
export function commitUrl(
  repoUrl: string | undefined,
  revision: string | undefined,
): string | undefined {
  const sha = revision?.match(/([0-9a-f]{40})$/)?.[1];
  if (!repoUrl || !sha || !/^https:\/\//.test(repoUrl)) return undefined;
  const base = repoUrl.replace(/\.git$/, '').replace(/\/+$/, '');
  if (/github\.com\//.test(base)) return `${base}/commit/${sha}`;
  if (/gitlab/.test(base)) return `${base}/-/commit/${sha}`;
  return undefined;
}
