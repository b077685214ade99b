import { execFile } from 'child_process';
import { promisify } from 'util';
import { LoggerService } from '@backstage/backend-plugin-api';

const run = promisify(execFile);

/** Runs the real `git` CLI; output goes to the task log, errors name the command. */
export async function git(
  args: string[],
  options: {
    cwd: string;
    logger?: LoggerService;
    env?: Record<string, string>;
  },
): Promise<string> {
  try {
    const { stdout, stderr } = await run('git', args, {
      cwd: options.cwd,
      env: {
        ...process.env,
        // Never prompt: a scaffolder task has no terminal.
        GIT_TERMINAL_PROMPT: '0',
        ...options.env,
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const output = `${stdout}${stderr}`.trim();
    if (output && options.logger)
      options.logger.debug(`git ${args[0]}: ${output}`);
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`git ${args[0]} failed: ${(e.stderr || e.message).trim()}`);
  }
}
