/**
 * One snapshot per account for models/saas-seven-metrics (no history: no id-and-date windows, no
 * hysteresis, no cooldowns), generated inside DuckDB from a fixed hash of the row number: usage,
 * data ingested this month and last, features, outreach, business reviews, tickets, and the CSM's
 * red/amber/green (missing now and then), with typed columns.
 */
export function saasSnapshotsQuery(rows: number): string {
  const r = (salt: number, modulo: number) => `CAST(hash(i * 31 + ${salt}) % ${modulo} AS BIGINT)`;
  return `
SELECT
  'acct-' || lpad(CAST(i AS VARCHAR), 8, '0') AS account_id,
  CAST(${r(1, 120)} AS INTEGER) AS monthly_active_users,
  CAST(20 + ${r(2, 100)} AS INTEGER) AS purchased_seats,
  round(100 + ${r(3, 90000)} / 100.0, 1) AS data_ingested_gb,
  round(100 + ${r(4, 90000)} / 100.0, 1) AS data_ingested_gb_last_month,
  CAST(${r(5, 21)} AS INTEGER) AS features_adopted,
  CAST(20 AS INTEGER) AS features_available,
  CAST(${r(6, 10)} AS INTEGER) AS outreach_touches,
  CAST(8 AS INTEGER) AS outreach_target,
  CAST(${r(7, 3)} AS INTEGER) AS business_reviews_attended,
  CAST(2 AS INTEGER) AS business_reviews_scheduled,
  CAST(${r(8, 8)} AS INTEGER) AS open_tickets,
  round(1 + ${r(9, 50)} / 10.0, 1) AS ticket_target,
  CASE WHEN ${r(10, 20)} = 0 THEN NULL ELSE ['red', 'amber', 'green'][1 + ${r(11, 3)}] END AS csm_rag
FROM range(${rows}) AS t(i)
ORDER BY i`;
}
