/**
 * Browser tests drive a whole live stack through a real Chromium on a 2-core machine, where a screen can
 * occasionally miss a step timeout under load. `npm test` loads this for them (scripts/bootstrap/commands/
 * test.mjs): a failing browser test runs once more, and its first failure is printed, so a real defect
 * still fails (twice) and a flake is visible in the output instead of silently passing.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
