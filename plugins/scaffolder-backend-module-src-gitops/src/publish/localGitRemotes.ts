import fs from 'fs/promises';
import { resolve, isAbsolute } from 'path';
import { pathToFileURL } from 'url';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { git } from './git';

const REPO_NAME = /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/;

/** Where a published site repository lives: the bare remote and a working copy for the catalog. */
export type LocalRepository = {
  name: string;
  /** The bare repository (the remote). */
  remotePath: string;
  remoteUrl: string;
  /** A clone of the remote that the catalog reads `catalog-info.yaml` from. */
  checkoutPath: string;
};

/**
 * Bare git repositories under one configured folder: the publish target of the embedded
 * default, which needs no GitLab or GitHub.
 */
export class LocalGitRemotes {
  static fromConfig(
    config: Config,
    options: { baseDir?: string } = {},
  ): LocalGitRemotes {
    const configured =
      config.getOptionalString('srcGitops.localGitRemotes.directory') ??
      '.data/git-remotes';
    const directory = isAbsolute(configured)
      ? configured
      : resolve(options.baseDir ?? process.cwd(), configured);
    return new LocalGitRemotes(directory);
  }

  constructor(readonly directory: string) {}

  /** The paths of a repository; refuses names that are not plain folder names. */
  repository(name: string): LocalRepository {
    if (!REPO_NAME.test(name)) {
      throw new InputError(
        `repository name must be lower-case letters, digits, '.', '_' and '-', got '${name}'`,
      );
    }
    const remotePath = resolve(this.directory, `${name}.git`);
    return {
      name,
      remotePath,
      remoteUrl: pathToFileURL(remotePath).href,
      checkoutPath: resolve(this.directory, '.checkouts', name),
    };
  }

  /** Throws a ConflictError when the repository already exists. */
  async assertAbsent(name: string): Promise<LocalRepository> {
    const repo = this.repository(name);
    const exists = await fs.stat(repo.remotePath).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new ConflictError(
        `repository '${name}' already exists at ${repo.remotePath}; choose another site name or remove the repository first`,
      );
    }
    return repo;
  }

  /**
   * Creates the bare remote, commits the source folder and pushes it with a real `git push`,
   * then clones it for the catalog. On any failure the remote and clone are removed, so no
   * half-published repository stays behind.
   */
  async publish(options: {
    name: string;
    sourceDir: string;
    branch: string;
    commitMessage: string;
    author: { name: string; email: string };
    logger: LoggerService;
  }): Promise<LocalRepository & { commitHash: string }> {
    const repo = await this.assertAbsent(options.name);
    const { logger } = options;
    const identity = {
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
    };
    const workDir = `${repo.checkoutPath}.push-${process.pid}-${Date.now()}`;
    try {
      await fs.mkdir(this.directory, { recursive: true });
      await git(
        ['init', '--bare', '--initial-branch', options.branch, repo.remotePath],
        {
          cwd: this.directory,
          logger,
        },
      );
      await fs.mkdir(workDir, { recursive: true });
      await fs.cp(options.sourceDir, workDir, {
        recursive: true,
        filter: src => !src.split(/[\\/]/).includes('.git'),
      });
      await git(['init', '--initial-branch', options.branch], {
        cwd: workDir,
        logger,
      });
      await git(['add', '--all'], { cwd: workDir, logger });
      await git(['commit', '--quiet', '-m', options.commitMessage], {
        cwd: workDir,
        logger,
        env: identity,
      });
      const commitHash = (
        await git(['rev-parse', 'HEAD'], { cwd: workDir })
      ).trim();
      logger.info(`Pushing ${options.branch} to ${repo.remoteUrl}`);
      await git(['push', repo.remoteUrl, `HEAD:refs/heads/${options.branch}`], {
        cwd: workDir,
        logger,
      });
      // The catalog reads from a clone of what was pushed, not from the workspace.
      await fs.rm(repo.checkoutPath, { recursive: true, force: true });
      await fs.mkdir(resolve(repo.checkoutPath, '..'), { recursive: true });
      await git(
        [
          'clone',
          '--quiet',
          '--branch',
          options.branch,
          repo.remoteUrl,
          repo.checkoutPath,
        ],
        {
          cwd: this.directory,
          logger,
        },
      );
      return { ...repo, commitHash };
    } catch (error) {
      await fs.rm(repo.remotePath, { recursive: true, force: true });
      await fs.rm(repo.checkoutPath, { recursive: true, force: true });
      throw error;
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }
}
