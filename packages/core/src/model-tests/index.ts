export { parseModelTests } from './parse-model-tests.js';
export { runModelTests } from './run-model-tests.js';
export { describeUntested } from './find-untested.js';
export { describeDifference } from './describe-difference.js';
export { TEST_DIAGNOSTIC_TEXT } from './test-diagnostics.js';
export type { ParsedModelTests } from './parse-model-tests.js';
export type { ModelTestSuite, TestCase, TestStep, Check, CheckKind, Json, RecordValue } from './model-test-suite.js';
export type { ModelTestReport, CaseReport, Difference, UntestedItem } from './model-test-report.js';
export type { TestFileDiagnostic, TestDiagnosticCode, TestDiagnosticParams } from './test-diagnostics.js';
