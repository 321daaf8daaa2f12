import type { CheckOutcome } from './check-outcome';

/**
 * GitHub Actions workflow commands, one per new violation
 * (`::error file=…,line=…,col=…,title=…::message`), so each shows on the pull request's diff.
 */
export function violationsToGithub(outcome: CheckOutcome): string {
  const lines = outcome.comparison.fresh.map((v) => {
    const command = v.severity === 'error' ? 'error' : 'warning';
    const properties = [
      `file=${property(v.file)}`,
      `line=${v.line}`,
      `col=${v.column}`,
      `endColumn=${v.column + v.specifier.length + 2}`,
      `title=${property(`ArchLens ${v.rule}`)}`,
    ].join(',');
    return `::${command} ${properties}::${data(v.message)}`;
  });
  const { fresh, known } = outcome.comparison;
  lines.push(
    `ArchLens: ${fresh.length} new violation${fresh.length === 1 ? '' : 's'}${outcome.baselineFile !== undefined ? `, ${known.length} known in ${outcome.baselineFile}` : ''}.`,
  );
  return lines.join('\n') + '\n';
}

/** Escapes a workflow command's message. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
