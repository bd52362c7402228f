import { CliError, EXIT, type ExitCode } from '../errors.js';
import { writeStdout } from '../io/output.js';
import { findTestFiles } from '../model-tests/find-test-files.js';
import { renderTestsGithub } from '../model-tests/reporters/test-github.js';
import { renderTestsJson } from '../model-tests/reporters/test-json.js';
import { renderTestsJunit } from '../model-tests/reporters/test-junit.js';
import { renderTestsPretty } from '../model-tests/reporters/test-pretty.js';
import { runTestFile } from '../model-tests/run-test-file.js';
import { totals, type TestFileOutcome } from '../model-tests/test-outcome.js';
import { styleFor } from '../render/style.js';

export type TestReporter = 'pretty' | 'json' | 'junit' | 'github';

/** `vitals test [PATH]`: every `*.test.yaml` found, against the model each names. Exit 1 on any failure. */
export async function runTests(path: string, options: { reporter: TestReporter }): Promise<ExitCode> {
  const files = await findTestFiles(path);
  if (files.length === 0) throw new CliError(`no *.test.yaml files under ${path}`, EXIT.failed);
  const models = new Map();
  const outcomes: TestFileOutcome[] = [];
  for (const file of files) outcomes.push(await runTestFile(file, models));
  await writeStdout(render(outcomes, options.reporter));
  if (outcomes.some((o) => o.unreadable !== undefined)) return EXIT.usage;
  const t = totals(outcomes);
  return t.failed > 0 || t.broken > 0 ? EXIT.failed : EXIT.ok;
}

function render(outcomes: readonly TestFileOutcome[], reporter: TestReporter): string {
  switch (reporter) {
    case 'json':
      return renderTestsJson(outcomes);
    case 'junit':
      return renderTestsJunit(outcomes);
    case 'github':
      return renderTestsGithub(outcomes);
    case 'pretty':
      return renderTestsPretty(outcomes, styleFor(process.stdout));
  }
}
