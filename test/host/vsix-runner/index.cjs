// Tests entry for the .vsix check; mocha comes from the repository (its path is passed in the
// environment) because this throwaway extension has no node_modules of its own.
const path = require('node:path');

exports.run = function run() {
  const Mocha = require(process.env.ARCHLENS_MOCHA_PATH);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, slow: 10000 });
  mocha.addFile(path.join(__dirname, 'installed-extension.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats || {};
      const counts = {
        passes: stats.passes || 0,
        failures: stats.failures ?? failures,
        pending: stats.pending || 0,
        tests: stats.tests || 0,
      };
      console.log('ARCHLENS-RESULT ' + JSON.stringify(counts));
      if (failures > 0) reject(new Error(failures + ' .vsix check(s) failed'));
      else resolve();
    });
  });
};
