import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** SRCNet Site Capabilities API: nodes, sites, compute, storage and services. */
      srcnetSiteCapabilities?: {
        /** Base URL of the API, e.g. `https://site-capabilities.srcnet.skao.int/api/v1`. */
        baseUrl: string;
        /**
         * A bearer token from SKA-IAM.
         * @visibility secret
         */
        token?: string;
        /** Or a client-credentials grant that the module exchanges for a token. */
        clientCredentials?: {
          tokenUrl: string;
          clientId: string;
          /** @visibility secret */
          clientSecret: string;
          scope?: string;
        };
        /** How often to read the API (default every 30 minutes, 2 minute timeout). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
