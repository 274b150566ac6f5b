import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Several tests compile and run C with gcc; give them room on a 2-core machine.
    testTimeout: 120_000,
    // vitest's default is one worker fewer than the CPUs: a single worker on
    // a 2-core machine, which leaves a core idle whenever a test runs in this
    // process rather than in gcc or a child. Two workers use both.
    maxWorkers: 2,
    hookTimeout: 120_000,
  },
});
