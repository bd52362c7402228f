import { REPORT_FORMAT_VERSION, type ReportData } from './report-model.js';

/** `vitals report --format json`: the run's counts and the core's distribution summary. */
export function renderReportJson({ file, plan, counts, summary }: ReportData): string {
  return `${JSON.stringify({ format_version: REPORT_FORMAT_VERSION, model: plan.model, model_hash: plan.hash, file, counts, summary }, null, 2)}\n`;
}
