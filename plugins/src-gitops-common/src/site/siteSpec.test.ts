import {
  SiteSpecValidationError,
  checkSiteSpec,
  parseSiteSpec,
} from './parseSiteSpec';

/** A valid CHSRC-like spec; each test breaks one thing. */
function validSpec(): Record<string, any> {
  return {
    node: 'CHSRC',
    site: 'chsrc-main',
    owner: 'group:default/chsrc-platform',
    environments: [
      { name: 'dev', cluster: 'chsrc-dev', baseDomain: 'dev.src.example.ch' },
      { name: 'prod', cluster: 'chsrc-prod', baseDomain: 'src.example.ch' },
    ],
    acmeEmail: 'ops@src.example.ch',
    engine: 'argocd',
    repository: {
      url: 'https://gitlab.com/ska-telescope/src/chsrc-gitops.git',
    },
    components: {
      'cert-manager': {},
      traefik: {},
      'external-secrets': {},
      vault: {},
    },
  };
}

function problemFor(spec: unknown, field: string): string {
  const problems = checkSiteSpec(spec);
  const problem = problems.find(p => p.field === field);
  if (!problem) {
    throw new Error(
      `no problem reported for '${field}'; got ${JSON.stringify(problems)}`,
    );
  }
  return problem.message;
}

describe('SiteSpec', () => {
  it('accepts a valid spec and applies the defaults', () => {
    const spec = parseSiteSpec(validSpec());
    expect(spec.repository.branch).toBe('main');
    expect(spec.components['cert-manager']).toEqual({
      enabled: true,
      issuers: true,
    });
    expect(spec.components.vault).toEqual({
      enabled: true,
      ha: true,
      replicas: 3,
      ui: true,
      injector: false,
    });
    expect(spec.components['external-secrets']?.vaultRole).toBe(
      'external-secrets',
    );
  });

  it('names a site name that is not DNS-1123 and says what it got', () => {
    const spec = { ...validSpec(), site: 'CH_SRC' };
    expect(problemFor(spec, 'site')).toBe(
      "site name must be lower-case letters, digits and '-' (DNS-1123), starting and ending with a letter or digit, got 'CH_SRC'",
    );
  });

  it('rejects cluster and environment names that are not DNS-1123', () => {
    const spec = validSpec();
    spec.environments[1].cluster = 'prod.cluster';
    spec.environments[0].name = '-dev';
    expect(problemFor(spec, 'environments[1].cluster')).toMatch(
      /cluster name must be .*DNS-1123.*got 'prod.cluster'/,
    );
    expect(problemFor(spec, 'environments[0].name')).toMatch(
      /environment name .*got '-dev'/,
    );
  });

  it.each([
    'https://src.example.ch',
    'src.example.ch/path',
    'src.example.ch:8443',
    'localhost',
    'SRC.example.ch',
  ])('rejects the base domain %s', domain => {
    const spec = validSpec();
    spec.environments[0].baseDomain = domain;
    expect(problemFor(spec, 'environments[0].baseDomain')).toContain(
      `base domain must be a DNS name like 'src.example.org' (lower-case, no scheme, port or path), got '${domain}'`,
    );
  });

  it.each(['ops', 'ops@', 'ops@example', 'ops @example.org'])(
    'rejects the malformed e-mail %s',
    email => {
      expect(
        problemFor({ ...validSpec(), acmeEmail: email }, 'acmeEmail'),
      ).toContain(`ACME contact e-mail must be an e-mail address`);
    },
  );

  it('rejects an unknown component and lists the known ones', () => {
    const spec = validSpec();
    spec.components.grafana = {};
    expect(problemFor(spec, 'components')).toBe(
      "unknown component 'grafana'; known components are cert-manager, external-dns, ingress-nginx, traefik, external-secrets, vault",
    );
  });

  it('rejects a component whose dependency is not selected', () => {
    const spec = validSpec();
    delete spec.components.vault;
    expect(problemFor(spec, 'components.external-secrets.vaultStore')).toBe(
      "External Secrets Operator option 'vaultStore' needs vault (the Vault ClusterSecretStore reads secrets from Vault); select it or turn the option off",
    );
  });

  it('accepts the dependency once the option needing it is off', () => {
    const spec = validSpec();
    delete spec.components.vault;
    spec.components['external-secrets'] = { vaultStore: false };
    expect(checkSiteSpec(spec)).toEqual([]);
  });

  it('requires an ingress controller for the ACME issuers', () => {
    const spec = validSpec();
    spec.components.traefik = { enabled: false };
    expect(problemFor(spec, 'components.cert-manager.issuers')).toContain(
      'needs ingress-nginx or traefik',
    );
  });

  it('refuses two ingress controllers', () => {
    const spec = validSpec();
    spec.components['ingress-nginx'] = {};
    expect(problemFor(spec, 'components.traefik')).toContain(
      'cannot both be selected',
    );
  });

  it.each(['latest', '1.2', 'v1', '1.2.3.4', '01.2.3'])(
    'rejects the version override %s',
    version => {
      const spec = validSpec();
      spec.components.vault = { version };
      expect(problemFor(spec, 'components.vault.version')).toBe(
        `version override must be a semantic version like '1.2.3' or 'v1.2.3', got '${version}'`,
      );
    },
  );

  it('accepts semantic version overrides with and without v', () => {
    const spec = validSpec();
    spec.components.vault = { version: '0.35.0' };
    spec.components['cert-manager'] = { version: 'v1.21.0-rc.1' };
    expect(checkSiteSpec(spec)).toEqual([]);
  });

  it('rejects an unknown SRCNet node', () => {
    expect(problemFor({ ...validSpec(), node: 'XXSRC' }, 'node')).toMatch(
      /^SRCNet node must be one of AUSSRC, .*, got 'XXSRC'$/,
    );
  });

  it('rejects an unknown engine', () => {
    expect(problemFor({ ...validSpec(), engine: 'helm' }, 'engine')).toBe(
      "GitOps engine must be 'argocd' or 'flux', got 'helm'",
    );
  });

  it('rejects a repeated environment and a shared cluster', () => {
    const spec = validSpec();
    spec.environments[1] = { ...spec.environments[0] };
    expect(problemFor(spec, 'environments[1].name')).toBe(
      "environment 'dev' is listed twice",
    );
    expect(problemFor(spec, 'environments[1].cluster')).toContain(
      'each environment needs its own cluster',
    );
  });

  it('requires a webhook image for the webhook DNS provider', () => {
    const spec = validSpec();
    spec.components['external-dns'] = { provider: 'webhook' };
    expect(problemFor(spec, 'components.external-dns.webhookImage')).toBe(
      "webhook image is required when the provider is 'webhook'",
    );
  });

  it('rejects a repository URL that is not a git URL and a bad branch', () => {
    const spec = validSpec();
    spec.repository = { url: 'gitlab.com/x', branch: 'feature..x' };
    expect(problemFor(spec, 'repository.url')).toContain(
      "repository URL must be a git URL (https://, ssh://, git@host:path or file:///), got 'gitlab.com/x'",
    );
    expect(problemFor(spec, 'repository.branch')).toContain(
      "branch must be a valid git branch name, got 'feature..x'",
    );
  });

  it('keeps YAML syntax and newlines in free text as plain text', () => {
    const description = 'line one\nkind: Secret\n---\n{evil: true}';
    const spec = parseSiteSpec({ ...validSpec(), description });
    expect(spec.description).toBe(description);
  });

  it('reports every problem at once in the thrown error', () => {
    const spec = { ...validSpec(), site: 'CH_SRC', acmeEmail: 'nope' };
    let caught: unknown;
    try {
      parseSiteSpec(spec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SiteSpecValidationError);
    const error = caught as SiteSpecValidationError;
    expect(error.problems.map(p => p.field).sort()).toEqual([
      'acmeEmail',
      'site',
    ]);
    expect(error.message).toContain('- site: site name must be');
  });

  it('names missing required fields', () => {
    const { owner, ...spec } = validSpec();
    expect(owner).toBeDefined();
    expect(problemFor(spec, 'owner')).toBe('owner is required');
  });
});
