import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  GitOpsResource,
  PLATFORM_SERVICE_SEARCH_TYPE,
  PlatformServiceSearchDocument,
  PlatformServiceSearchFilters,
} from '@srcnet/plugin-src-gitops-common';
import {
  ClusterListResponse,
  EntityGitOpsResponse,
  FleetResponse,
  ResourceAction,
  SrcGitopsApi,
} from './SrcGitopsApi';

/** Talks to the src-gitops backend through Backstage's discovery and authenticated fetch. */
export class SrcGitopsClient implements SrcGitopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(): Promise<ClusterListResponse> {
    return this.request<ClusterListResponse>('/clusters');
  }

  async getFleet(): Promise<FleetResponse> {
    return this.request<FleetResponse>('/fleet');
  }

  async getEntityState(entityRef: string): Promise<EntityGitOpsResponse> {
    return this.request<EntityGitOpsResponse>(
      `/entity?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  async searchServices(options: {
    term: string;
    filters?: PlatformServiceSearchFilters;
  }): Promise<{ results: PlatformServiceSearchDocument[]; total?: number }> {
    const params = new URLSearchParams({
      term: options.term,
      'types[0]': PLATFORM_SERVICE_SEARCH_TYPE,
      pageLimit: '100',
    });
    for (const [field, value] of Object.entries(options.filters ?? {})) {
      if (value) params.set(`filters[${field}]`, value);
    }
    const baseUrl = await this.discoveryApi.getBaseUrl('search');
    const body = await this.fetchJson<{
      results: Array<{ document: PlatformServiceSearchDocument }>;
      numberOfResults?: number;
    }>(`${baseUrl}/query?${params}`);
    return {
      results: body.results.map(r => r.document),
      total: body.numberOfResults,
    };
  }

  async runAction(options: {
    resource: GitOpsResource;
    action: ResourceAction;
    entityRef: string;
  }): Promise<{ resource: GitOpsResource }> {
    const r = options.resource;
    const path = [r.cluster, r.engine, r.kind, r.namespace, r.name]
      .map(encodeURIComponent)
      .join('/');
    return this.request(
      `/resources/${path}/actions/${encodeURIComponent(options.action)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ entityRef: options.entityRef }),
      },
    );
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('src-gitops');
    return this.fetchJson<T>(`${baseUrl}${path}`, init);
  }

  private async fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
    const response = await this.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
