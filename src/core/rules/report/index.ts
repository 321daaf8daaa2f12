export { checkFails, type CheckOutcome } from './check-outcome';
export { violationsToGithub } from './violations-github';
export { violationsToJson } from './violations-json';
export { violationsToSarif } from './violations-sarif';
export { violationsToText } from './violations-text';
