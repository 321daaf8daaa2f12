import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { planScaffold, ScaffoldError, textChanges } from '../../../src/core/scaffold';
import { sampleStyle } from '../../../src/core/scaffold/code-style';
import { nameProblem } from '../../../src/core/scaffold/names';
import { cleanUp, copyFixture, insertedLines, read, workspaceOf } from './scaffold-helpers';

describe('scaffold safety and conventions', function () {
  this.timeout(60_000);
  after(cleanUp);

  it('never overwrites: a taken path fails with a message naming the file and a free name', async () => {
    const dir = copyFixture('hex-clinic');
    writeFileSync(path.join(dir, 'src/core/ports/mailer.ts'), '// mine\n');
    await assert.rejects(
      planScaffold(workspaceOf(dir), { kind: 'port', name: 'Mailer', folder: 'src/core/ports' }),
      (error: unknown) =>
        error instanceof ScaffoldError &&
        /src\/core\/ports\/mailer\.ts already exists/.test(error.message) &&
        /mailer-2\.ts/.test(error.message),
    );
    assert.equal(read(dir, 'src/core/ports/mailer.ts'), '// mine\n');
  });

  it('refuses a name already declared, and an unknown port', async () => {
    const ws = workspaceOf(copyFixture('hex-clinic'));
    await assert.rejects(planScaffold(ws, { kind: 'port', name: 'Clock' }), /Clock already exists/);
    await assert.rejects(
      planScaffold(ws, { kind: 'adapter', name: 'X', for: 'Nope' }),
      /No interface named Nope/,
    );
    await assert.rejects(planScaffold(ws, { kind: 'adapter', name: 'X' }), /--for/);
    await assert.rejects(planScaffold(ws, { kind: 'port', name: '9lives' }), /Bad name/);
  });

  it('keeps CRLF line endings and a missing final newline of an edited file, inserting lines only', async () => {
    const dir = copyFixture('hex-clinic');
    const main = path.join(dir, 'src/main.ts');
    const crlf = read(dir, 'src/main.ts').replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    writeFileSync(main, crlf);
    const plan = await planScaffold(workspaceOf(dir), { kind: 'adapter', name: 'UtcClock', for: 'Clock' });
    const file = plan.files.find((f) => f.path === 'src/main.ts');
    assert.ok(file?.action === 'edit', 'main.ts edited');
    assert.equal(file.original, crlf, 'planned on the CRLF text');
    const edited = file.content;
    const changes = textChanges(file.original, edited);
    assert.ok(
      changes.every((c) => c.start === c.end && !/[^\r]\n/.test(c.text)),
      `CRLF insertions only: ${JSON.stringify(changes)}`,
    );
    assert.ok(!/[^\r]\n/.test(edited), 'every line ends with CRLF');
    assert.ok(!edited.endsWith('\n'), 'no final newline added');
    assert.deepEqual(insertedLines(crlf.replace(/\r\n/g, '\n'), edited.replace(/\r\n/g, '\n')), [
      "import { UtcClock } from './adapters/utc-clock';",
      "import type { Clock } from './core/ports/clock';",
      'export const utcClock: Clock = new UtcClock();',
    ]);
  });

  it('writes in the workspace style: Prettier double quotes, no semicolons, tabs; .js specifiers when sampled', async () => {
    const dir = copyFixture('hex-clinic');
    writeFileSync(
      path.join(dir, '.prettierrc.json'),
      JSON.stringify({ singleQuote: false, semi: false, useTabs: true }),
    );
    const plan = await planScaffold(workspaceOf(dir), {
      kind: 'use-case',
      name: 'RemindPatient',
      for: 'Clock',
    });
    const useCase = plan.files.find((f) => f.path === 'src/core/use-cases/remind-patient.ts')?.content ?? '';
    assert.match(useCase, /^import type \{ Clock \} from "\.\.\/ports\/clock"\n/);
    assert.match(
      useCase,
      /\n\tasync execute\(\): Promise<void> \{\n\t\tthrow new Error\("Not implemented: RemindPatient\.execute"\)\n/,
    );
    assert.deepEqual(
      sampleStyle(["import { a } from './a.js';\nimport { b } from './b.js';\n"]).jsExtension,
      true,
    );
    assert.deepEqual(sampleStyle(['import { a } from "./a"\n\tconst x = 1\n']), {
      quote: '"',
      semicolons: false,
      eol: '\n',
      jsExtension: false,
      indent: '\t',
    });
  });

  it('validates names as identifiers', () => {
    assert.equal(nameProblem('SendInvoice'), undefined);
    assert.equal(nameProblem('send-invoice'), undefined);
    assert.match(nameProblem('') ?? '', /Give a name/);
    assert.match(nameProblem('a b') ?? '', /letters/);
    assert.match(nameProblem('class') ?? '', /reserved/);
  });
});
