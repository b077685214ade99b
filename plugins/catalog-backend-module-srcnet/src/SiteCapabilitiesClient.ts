import { Config } from '@backstage/config';

/** Reads the SRCNet Site Capabilities API with a bearer token or a client-credentials grant. */
export class SiteCapabilitiesClient {
  private accessToken?: { value: string; expiresAt: number };

  static fromConfig(config: Config): SiteCapabilitiesClient {
    const baseUrl = config.getString('baseUrl').replace(/\/+$/, '');
    if (!/^https?:\/\//.test(baseUrl)) {
      throw new Error(
        `Invalid configuration at 'catalog.providers.srcnetSiteCapabilities.baseUrl': must be an http(s) URL, got '${baseUrl}'`,
      );
    }
    const grant = config.getOptionalConfig('clientCredentials');
    return new SiteCapabilitiesClient({
      baseUrl,
      token: config.getOptionalString('token'),
      clientCredentials: grant
        ? {
            tokenUrl: grant.getString('tokenUrl'),
            clientId: grant.getString('clientId'),
            clientSecret: grant.getString('clientSecret'),
            scope: grant.getOptionalString('scope'),
          }
        : undefined,
    });
  }

  constructor(
    private readonly options: {
      baseUrl: string;
      token?: string;
      clientCredentials?: {
        tokenUrl: string;
        clientId: string;
        clientSecret: string;
        scope?: string;
      };
      timeoutMs?: number;
    },
  ) {}

  /** `GET /nodes`: every node with its sites. */
  async getNodes(): Promise<unknown> {
    const response = await fetch(`${this.options.baseUrl}/nodes`, {
      headers: { Accept: 'application/json', ...(await this.authorization()) },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      throw new Error(`GET /nodes answered HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch {
      throw new Error('GET /nodes answered something that is not JSON');
    }
  }

  private async authorization(): Promise<Record<string, string>> {
    if (this.options.token)
      return { Authorization: `Bearer ${this.options.token}` };
    const grant = this.options.clientCredentials;
    if (!grant) return {};
    if (!this.accessToken || this.accessToken.expiresAt < Date.now() + 30_000) {
      const response = await fetch(grant.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: grant.clientId,
          client_secret: grant.clientSecret,
          ...(grant.scope ? { scope: grant.scope } : {}),
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      if (!response.ok)
        throw new Error(`the token endpoint answered HTTP ${response.status}`);
      const body = (await response.json()) as {
        access_token?: string;
        expires_in?: number;
      };
      if (!body.access_token)
        throw new Error('the token endpoint answered without an access_token');
      this.accessToken = {
        value: body.access_token,
        expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
      };
    }
    return { Authorization: `Bearer ${this.accessToken.value}` };
  }
}
