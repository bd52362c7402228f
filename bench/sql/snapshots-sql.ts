/**
 * Monthly snapshots of accounts for the lifecycle model (models/lifecycle-b2b), generated inside
 * DuckDB from a fixed hash of the row number, so a run is reproducible and 10,000,000 rows take
 * seconds: 25 monthly snapshots per account, usage drifting around its own level with a few
 * sharp drops, tickets, a pulse recorded every few months (so it goes stale and decays), a rare
 * override, stages that advance, two segments, an account value and a CSM. Written as Parquet with typed columns and as CSV.
 */
export function snapshotsQuery(rows: number): string {
  const months = 25;
  const r = (salt: number, modulo: number) => `CAST(hash(i * 31 + ${salt}) % ${modulo} AS BIGINT)`;
  const account = (modulo: number) => `CAST(hash(i // ${months}) % ${modulo} AS BIGINT)`;
  return `
SELECT
  'acct-' || lpad(CAST(i // ${months} AS VARCHAR), 7, '0') AS account_id,
  CAST(DATE '2024-01-31' + INTERVAL (i % ${months}) MONTH AS DATE) AS snapshot_date,
  CASE WHEN ${account(3)} = 0 THEN 'high_touch' ELSE 'low_touch' END AS segment,
  CASE WHEN i % ${months} < 4 THEN 'onboard' WHEN i % ${months} < 12 THEN 'adopt' WHEN i % ${months} < 20 THEN 'optimize' ELSE 'renew' END AS stage,
  DATE '2023-12-01' AS onboarding_started,
  CAST(20 + ${account(180)} + ${r(1, 40)} - 20 AS INTEGER) AS active_users,
  CAST(50 + ${account(200)} AS INTEGER) AS licensed_seats,
  CAST(CASE WHEN ${r(2, 29)} = 0 THEN 100 ELSE 400 + ${account(900)} + ${r(3, 200)} END AS INTEGER) AS monthly_events,
  CAST(${r(4, 9)} AS INTEGER) AS open_tickets,
  CAST(12000 + ${account(90)} * 1000 AS DOUBLE) AS arr,
  ['Ana Ruiz', 'Ben Okafor', 'Chen Wei', 'Dana Levi'][1 + ${account(4)}] AS csm,
  CASE WHEN ${r(5, 50)} = 0 THEN NULL ELSE ['extremely_satisfied', 'very_satisfied', 'satisfied', 'at_risk', 'high_risk', 'severe_risk'][1 + (${account(6)} + i // 3) % 6] END AS csm_pulse,
  CAST(DATE '2024-01-15' + INTERVAL ((i % ${months}) // 3 * 3) MONTH AS DATE) AS pulse_date,
  CASE WHEN ${r(6, 400)} = 0 THEN 85 END AS override_score,
  CAST(NULL AS VARCHAR) AS override_band,
  CASE WHEN ${r(6, 400)} = 0 THEN 'renewal signed' END AS override_reason,
  CASE WHEN ${r(6, 400)} = 0 THEN CAST(DATE '2024-01-01' + INTERVAL (i % ${months}) MONTH AS DATE) END AS override_set_at,
  CASE WHEN ${r(6, 400)} = 0 THEN CAST(DATE '2024-03-01' + INTERVAL (i % ${months}) MONTH AS DATE) END AS override_expires_at
FROM range(${rows}) AS t(i)
ORDER BY i`;
}
