/**
 * The stages of `npm test` and their outcome. Every stage runs even when an earlier one failed (unless
 * it needs what failed), so one run shows every failure; the summary ends with jest's counts as a
 * plain "tests: N passed, N failed" line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fail, paint, say, seconds } from './output.mjs';

/** @typedef {{ name: string, status: 'passed' | 'failed' | 'skipped', ms: number, detail?: string, leftOut?: boolean }} StageResult */

export class TestReport {
  /** @type {StageResult[]} */
  stages = [];
  bootstrapMs = 0;
  startedAt = performance.now();

  /**
   * Runs a stage; a thrown error or a `false` result marks it failed.
   * @param {string} name
   * @param {() => Promise<boolean | void>} run
   * @param {{ needs?: string[] }} [options] stages that must have passed first
   */
  /**
   * Records a stage that this run leaves out by choice, and why (not a failure, unlike a stage skipped
   * because what it needs failed).
   * @param {string} name
   * @param {string} detail
   */
  skip(name, detail) {
    this.stages.push({ name, status: 'skipped', ms: 0, detail, leftOut: true });
  }

  async stage(name, run, { needs = [] } = {}) {
    const missing = needs.filter((need) => this.stages.find((stage) => stage.name === need)?.status !== 'passed');
    if (missing.length > 0) {
      this.stages.push({ name, status: 'skipped', ms: 0, detail: `needs ${missing.join(', ')}` });
      return false;
    }
    const started = performance.now();
    say(`${name}...`);
    try {
      const outcome = await run();
      const status = outcome === false ? 'failed' : 'passed';
      this.stages.push({ name, status, ms: performance.now() - started });
      return status === 'passed';
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      fail(`${name}: ${detail}`);
      this.stages.push({
        name,
        status: 'failed',
        ms: performance.now() - started,
        detail: (detail.split('\n')[0] ?? '').replace(/:$/, ' (output above)'),
      });
      return false;
    }
  }

  /** @param {string} name @param {string} detail */
  addFailure(name, detail) {
    this.stages.push({ name, status: 'failed', ms: 0, detail });
  }

  get failed() {
    return this.stages.some((stage) => stage.status !== 'passed' && stage.leftOut !== true);
  }

  /** @param {string[]} jestResultsFiles */
  print(jestResultsFiles) {
    const colours = /** @type {const} */ ({ passed: 'green', failed: 'red', skipped: 'yellow' });
    say('');
    say(paint('bold', 'npm test summary'));
    for (const { name, status, ms, detail } of this.stages) {
      say(`  ${paint(colours[status], status.padEnd(7))} ${name.padEnd(24)} ${seconds(ms).padStart(7)}${detail ? `  ${detail}` : ''}`);
    }
    say(`  bootstrap overhead ${seconds(this.bootstrapMs)}, total ${seconds(performance.now() - this.startedAt)}`);
    const counts = jestResultsFiles.map(jestCounts).reduce(
      (sum, part) =>
        part
          ? {
              passed: sum.passed + part.passed,
              failed: sum.failed + part.failed,
              skipped: sum.skipped + part.skipped,
              files: sum.files + 1,
            }
          : sum,
      { passed: 0, failed: 0, skipped: 0, files: 0 },
    );
    if (counts.files > 0) console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}

/** @param {string} file */
function jestCounts(file) {
  if (!existsSync(file)) return undefined;
  try {
    const results = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests + results.numTodoTests };
  } catch {
    return undefined;
  }
}
