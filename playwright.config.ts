import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

/**
 * End-to-end tests in Debian's Chromium (Playwright's own browser download does not work on
 * these machines) against the app on the embedded default. The app is started here unless one
 * is already running at PLAYWRIGHT_URL.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'bash scripts/start.sh',
          url: 'http://localhost:3000',
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          // The backend can come up after the frontend's dev server: this entry waits for it.
          // Its command only has to stay alive while Playwright polls the URL (`true` exited at
          // once and failed the run whenever the backend was the slower of the two).
          command: 'sleep 900',
          url: 'http://localhost:7007/api/src-gitops/health',
          reuseExistingServer: true,
          timeout: 300_000,
        },
      ],
  forbidOnly: !!process.env.CI,
  // No retries: the GitOps test changes the simulated fleet (a sync), so a retry would not
  // start from the same state; the app and simulator start fresh for each run.
  retries: 0,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'artifacts/e2e-report' }]],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'artifacts/e2e-results',
  projects: generateProjects(),
});
