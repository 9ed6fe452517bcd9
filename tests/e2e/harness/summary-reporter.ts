import type { Reporter, TestModule } from 'vitest/node';

/** Prints one closing line CI logs can be grepped for: "e2e: N passed, N failed, N skipped (N files, Ns)". */
export default class SummaryReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load or crashed in a hook has no failed test but did fail.
      if (module.state() === 'failed' && ![...module.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
    }
    const errors = unhandledErrors.length ? `, ${unhandledErrors.length} unhandled errors` : '';
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped${errors} (${testModules.length} files, ${seconds}s)`);
  }
}
