import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Several tests compile and run C with gcc; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
