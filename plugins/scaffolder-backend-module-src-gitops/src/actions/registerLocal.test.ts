import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRegisterLocalAction } from './registerLocal';
import { LocalGitRemotes } from '../publish/localGitRemotes';
import {
  actionContext,
  createMockDirectory,
} from '../__testUtils__/actionContext';

describe('src:site:register-local', () => {
  const dir = createMockDirectory();
  const remotes = new LocalGitRemotes('/srv/remotes');

  it('registers the catalog-info.yaml as a file location', async () => {
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn().mockResolvedValue({
        location: {
          id: 'l1',
          type: 'file',
          target: '/srv/remotes/.checkouts/x/catalog-info.yaml',
        },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: { name: 'x' },
          },
        ],
        exists: false,
      }),
    });
    const action = createRegisterLocalAction({ remotes, catalog });
    const ctx = actionContext(
      action,
      { catalogInfoPath: '/srv/remotes/.checkouts/x/catalog-info.yaml' },
      { workspacePath: dir.path },
    );
    await action.handler(ctx);
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: '/srv/remotes/.checkouts/x/catalog-info.yaml' },
      { credentials: expect.anything() },
    );
    expect(ctx.output).toHaveBeenCalledWith('entityRefs', ['system:default/x']);
  });

  it('registers nothing on a dry run', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createRegisterLocalAction({ remotes, catalog });
    await action.handler(
      actionContext(
        action,
        { catalogInfoPath: '/srv/remotes/.checkouts/x/catalog-info.yaml' },
        { workspacePath: dir.path, isDryRun: true },
      ),
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it('refuses a path outside the local remote folder', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createRegisterLocalAction({ remotes, catalog });
    await expect(
      action.handler(
        actionContext(
          action,
          { catalogInfoPath: '/etc/passwd' },
          { workspacePath: dir.path },
        ),
      ),
    ).rejects.toThrow(InputError);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
