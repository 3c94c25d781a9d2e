// Prints the unit tests' closing tally as one plain line ("N passed, N failed"), read from the
// JSON report that `npm run test:unit` writes next to the default reporter's output.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../node_modules/.cache/vitest-report.json', import.meta.url), 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0);
