import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The SRC platform services index (live Argo CD and Flux state). */
      srcGitopsServices?: {
        /** How often the index is rebuilt (default every 2 minutes, 1 minute timeout). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
