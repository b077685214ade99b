import { ClusterReachability } from '@srcnet/plugin-src-gitops-common';

/** Why a call to a cluster failed, in terms the fleet view can show. */
export type ClusterErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'server-error'
  | 'malformed'
  | 'conflict';

/**
 * A failed cluster call. Its message is written for people and never carries the cluster's
 * URL, token or CA, so it is safe to log and to return to the browser.
 */
export class ClusterError extends Error {
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ClusterError';
  }

  /** How this failure shows in the cluster's reachability. */
  get reachability(): ClusterReachability {
    switch (this.kind) {
      case 'unauthorized':
        return 'unauthorized';
      case 'forbidden':
        return 'forbidden';
      default:
        return 'unreachable';
    }
  }
}

/** Describes a transport failure (fetch's TypeError, abort, TLS) without its URL. */
export function transportError(
  error: unknown,
  timeoutMs: number,
): ClusterError {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new ClusterError('timeout', `no answer within ${timeoutMs} ms`);
  }
  const code = e?.cause?.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection reset',
    ENOTFOUND: 'host not found',
    EHOSTUNREACH: 'host unreachable',
    ETIMEDOUT: 'connection timed out',
    DEPTH_ZERO_SELF_SIGNED_CERT:
      'TLS: self-signed certificate (set caData or caFile)',
    SELF_SIGNED_CERT_IN_CHAIN:
      'TLS: certificate signed by an unknown CA (set caData or caFile)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      'TLS: certificate signed by an unknown CA (set caData or caFile)',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: certificate does not match the host',
    CERT_HAS_EXPIRED: 'TLS: certificate expired',
  };
  return new ClusterError(
    'unreachable',
    code ? reasons[code] ?? `network error (${code})` : 'network error',
  );
}
