// Mocha's spec reporter plus one plain closing line, "N passed, N failed, N skipped", that any CI
// reading test output understands.
const { Spec } = require('mocha').reporters;

class SpecWithSummary extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${passes} passed, ${failures} failed, ${pending} skipped`);
    });
  }
}

module.exports = SpecWithSummary;
