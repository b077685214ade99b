import { readFileSync } from 'fs';
import { Config } from '@backstage/config';
import { parse } from 'yaml';

/** How the backend authenticates to one cluster. Holds secrets: never serialise it to a client. */
export type ClusterCredentials = {
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
};

/** One configured cluster, resolved from config (and its kubeconfig, if any). */
export type ClusterConfig = {
  name: string;
  site: string;
  node?: string;
  url: string;
  credentials: ClusterCredentials;
  /** Namespaces of Argo CD Applications; `undefined` means all namespaces. */
  argocdNamespaces?: string[];
  /** `undefined`: discover whether Flux is installed. */
  flux?: boolean;
  argocdUrl?: string;
  timeoutMs: number;
};

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A configuration mistake, naming the key at fault so start-up fails with a clear message. */
export class ClusterConfigError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid configuration at '${key}': ${reason}`);
    this.name = 'ClusterConfigError';
  }
}

type KubeconfigFile = {
  'current-context'?: string;
  contexts?: Array<{
    name: string;
    context: { cluster: string; user: string };
  }>;
  clusters?: Array<{
    name: string;
    cluster: {
      server: string;
      'certificate-authority-data'?: string;
      'certificate-authority'?: string;
      'insecure-skip-tls-verify'?: boolean;
    };
  }>;
  users?: Array<{ name: string; user: { token?: string } }>;
};

function kubeconfigCaData(cluster: {
  'certificate-authority-data'?: string;
  'certificate-authority'?: string;
}): string | undefined {
  if (cluster['certificate-authority-data']) {
    return Buffer.from(
      cluster['certificate-authority-data'],
      'base64',
    ).toString('utf8');
  }
  if (cluster['certificate-authority']) {
    return readFileSync(cluster['certificate-authority'], 'utf8');
  }
  return undefined;
}

function fromKubeconfig(key: string, path: string, contextName?: string) {
  let file: KubeconfigFile;
  try {
    file = parse(readFileSync(path, 'utf8')) as KubeconfigFile;
  } catch (error) {
    throw new ClusterConfigError(
      `${key}.path`,
      `cannot read kubeconfig '${path}': ${(error as Error).message}`,
    );
  }
  const name = contextName ?? file['current-context'];
  const context = file.contexts?.find(c => c.name === name)?.context;
  if (!context) {
    throw new ClusterConfigError(
      `${key}.context`,
      `kubeconfig '${path}' has no context '${name ?? ''}'`,
    );
  }
  const cluster = file.clusters?.find(c => c.name === context.cluster)?.cluster;
  const user = file.users?.find(u => u.name === context.user)?.user;
  if (!cluster?.server) {
    throw new ClusterConfigError(
      `${key}.context`,
      `kubeconfig cluster '${context.cluster}' has no server`,
    );
  }
  return {
    url: cluster.server,
    token: user?.token,
    caData: kubeconfigCaData(cluster),
    skipTLSVerify: cluster['insecure-skip-tls-verify'] ?? false,
  };
}

/**
 * Reads `srcGitops.clusters`. Throws a ClusterConfigError naming the key of the first mistake,
 * so a bad config fails start-up instead of producing a silently empty fleet.
 */
export function readClusterConfigs(config: Config): ClusterConfig[] {
  const entries = config.getOptionalConfigArray('srcGitops.clusters') ?? [];
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const key = `srcGitops.clusters[${index}]`;
    const name = entry.getString('name');
    if (!DNS1123.test(name)) {
      throw new ClusterConfigError(
        `${key}.name`,
        `must be lower-case letters, digits and '-' (DNS-1123), got '${name}'`,
      );
    }
    if (names.has(name)) {
      throw new ClusterConfigError(
        `${key}.name`,
        `cluster '${name}' is configured twice`,
      );
    }
    names.add(name);
    const site = entry.getString('site');
    const kubeconfig = entry.getOptionalConfig('auth.kubeconfig');
    const fromFile = kubeconfig
      ? fromKubeconfig(
          `${key}.auth.kubeconfig`,
          kubeconfig.getString('path'),
          kubeconfig.getOptionalString('context'),
        )
      : undefined;
    const url = entry.getOptionalString('url') ?? fromFile?.url;
    if (!url) {
      throw new ClusterConfigError(
        `${key}.url`,
        'is required unless auth.kubeconfig is set',
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ClusterConfigError(`${key}.url`, `is not a URL: '${url}'`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ClusterConfigError(
        `${key}.url`,
        `must be http(s), got '${parsed.protocol}'`,
      );
    }
    if (parsed.username || parsed.password) {
      throw new ClusterConfigError(
        `${key}.url`,
        'must not contain credentials; use auth.token',
      );
    }
    const caFile = entry.getOptionalString('caFile');
    let caData = entry.getOptionalString('caData') ?? fromFile?.caData;
    if (caFile) {
      try {
        caData = readFileSync(caFile, 'utf8');
      } catch (error) {
        throw new ClusterConfigError(
          `${key}.caFile`,
          `cannot read '${caFile}': ${(error as Error).message}`,
        );
      }
    }
    const timeoutMs = entry.getOptionalNumber('timeoutMs') ?? 10_000;
    if (!(timeoutMs > 0 && timeoutMs <= 120_000)) {
      throw new ClusterConfigError(
        `${key}.timeoutMs`,
        `must be between 1 and 120000, got ${timeoutMs}`,
      );
    }
    const argocdUrl = entry.getOptionalString('argocdUrl');
    if (argocdUrl && !/^https?:\/\//.test(argocdUrl)) {
      throw new ClusterConfigError(
        `${key}.argocdUrl`,
        `must be an http(s) URL, got '${argocdUrl}'`,
      );
    }
    return {
      name,
      site,
      node: entry.getOptionalString('node'),
      url: url.replace(/\/+$/, ''),
      credentials: {
        token: entry.getOptionalString('auth.token') ?? fromFile?.token,
        caData,
        skipTLSVerify:
          entry.getOptionalBoolean('skipTLSVerify') ??
          fromFile?.skipTLSVerify ??
          false,
      },
      argocdNamespaces: entry.getOptionalStringArray('argocdNamespaces'),
      flux: entry.getOptionalBoolean('flux'),
      argocdUrl,
      timeoutMs,
    };
  });
}
