import { type Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';

/**
 * The browser tests' jest environment: when a test (or one of its hooks) fails, it asks browser.ts to save
 * a screenshot and the console log of every page still open, under test-artifacts/e2e/failures/, while
 * the pages still show what went wrong (afterEach closes them right after).
 */
export default class FailureCaptureEnvironment extends NodeEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const capture = (this.global as { __captureE2eFailure?: (testName: string) => Promise<void> }).__captureE2eFailure;
    if (capture === undefined) return;
    const name = event.name === 'test_fn_failure' ? fullName(event.test) : `${event.hook.type} hook of ${fullName(event.hook.parent)}`;
    await capture(name);
  }
}

function fullName(block: Circus.TestEntry | Circus.DescribeBlock): string {
  const names: string[] = [];
  for (let current: Circus.TestEntry | Circus.DescribeBlock | undefined = block; current !== undefined; current = current.parent) {
    if (current.name !== 'ROOT_DESCRIBE_BLOCK') names.unshift(current.name);
  }
  return names.join(' ');
}
