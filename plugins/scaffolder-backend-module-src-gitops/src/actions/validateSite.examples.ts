import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the repository rendered by src:site:render before publishing it',
    example: stringify({
      steps: [
        {
          id: 'validate',
          action: 'src:site:validate',
          name: 'Validate the site repository',
          input: {
            targetPath: 'site',
            repositoryUrl:
              'https://gitlab.com/ska-telescope/src/chsrc-gitops.git',
          },
        },
      ],
    }),
  },
];
