import { z } from 'zod';

/**
 * Small zod building blocks whose messages name what was expected and what was given, so a
 * form user reads "site name must be ... got 'CH_SRC'" rather than "Invalid string".
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
// Semantic version with an optional leading `v` (cert-manager and Flux tag with it).
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Git branch names: no spaces, no `..`, no leading `-`, none of ~^:?*[\ (git check-ref-format).
const GIT_BRANCH =
  // eslint-disable-next-line no-control-regex -- git refuses control characters in ref names
  /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[^\s~^:?*[\\\x00-\x1f\x7f]+(?<![./])$/;
const GIT_URL =
  /^(https?:\/\/[^\s/]+\/\S+|ssh:\/\/\S+|git@[^\s:]+:\S+|file:\/\/\/\S+)$/;

function quote(value: unknown): string {
  return `'${String(value)}'`;
}

/** A DNS-1123 label (Kubernetes object and namespace names). */
export function dns1123Label(what: string, maxLength = 63) {
  return z
    .string({ required_error: `${what} is required` })
    .max(maxLength, {
      message: `${what} must be at most ${maxLength} characters`,
    })
    .refine(
      value => DNS1123_LABEL.test(value),
      value => ({
        message: `${what} must be lower-case letters, digits and '-' (DNS-1123), starting and ending with a letter or digit, got ${quote(
          value,
        )}`,
      }),
    );
}

/** A DNS name without scheme, port or path, e.g. `src.example.org`. */
export function dnsName(what: string) {
  return z.string({ required_error: `${what} is required` }).refine(
    value => DNS_NAME.test(value),
    value => ({
      message: `${what} must be a DNS name like 'src.example.org' (lower-case, no scheme, port or path), got ${quote(
        value,
      )}`,
    }),
  );
}

/** An e-mail address. */
export function email(what: string) {
  return z.string({ required_error: `${what} is required` }).refine(
    value => EMAIL.test(value),
    value => ({
      message: `${what} must be an e-mail address like 'ops@example.org', got ${quote(
        value,
      )}`,
    }),
  );
}

/** A semantic version, e.g. `1.21.1` or `v1.20.0`. */
export function semver(what: string) {
  return z.string().refine(
    value => SEMVER.test(value),
    value => ({
      message: `${what} must be a semantic version like '1.2.3' or 'v1.2.3', got ${quote(
        value,
      )}`,
    }),
  );
}

/** A git branch name. */
export function gitBranch(what: string) {
  return z.string().refine(
    value => GIT_BRANCH.test(value),
    value => ({
      message: `${what} must be a valid git branch name, got ${quote(value)}`,
    }),
  );
}

/** A git remote URL: https, ssh, scp-like `git@host:path`, or an absolute `file:///` path. */
export function gitUrl(what: string) {
  return z.string({ required_error: `${what} is required` }).refine(
    value => GIT_URL.test(value),
    value => ({
      message: `${what} must be a git URL (https://, ssh://, git@host:path or file:///), got ${quote(
        value,
      )}`,
    }),
  );
}

/** Free text for people (titles, descriptions): any characters but control codes other than newlines. */
export function freeText(what: string, maxLength: number) {
  return z
    .string()
    .max(maxLength, {
      message: `${what} must be at most ${maxLength} characters`,
    })
    .refine(
      // eslint-disable-next-line no-control-regex
      value => !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(value),
      { message: `${what} must not contain control characters` },
    );
}
