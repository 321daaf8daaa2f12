// mocha's spec reporter plus one line with the counts (`ARCHLENS-RESULT {...}`), so
// test/run-all.mjs can add up the unit tests without parsing human-readable output.
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class ResultReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats || {};
      const counts = {
        passes: stats.passes || 0,
        failures: stats.failures || 0,
        pending: stats.pending || 0,
        tests: stats.tests || 0,
      };
      console.log('ARCHLENS-RESULT ' + JSON.stringify(counts));
    });
  }
}

module.exports = ResultReporter;
