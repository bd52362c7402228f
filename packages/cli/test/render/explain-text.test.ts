import { readFileSync } from 'node:fs';
import { compile, nextBand } from '@vitals/core';
import { expect, test } from 'vitest';
import { renderExplainText } from '../../src/render/explain-text.js';

const lifecycle = compile(readFileSync(new URL('../../../../models/lifecycle-b2b/model.yaml', import.meta.url), 'utf8'), { file: 'model.yaml' });

function explain(record: Record<string, unknown>): string {
  const result = lifecycle.evaluate(record);
  const history = [{ row: 1, as_of: result.as_of, status: result.status, score: result.score, band: result.band }];
  return renderExplainText({ account: 'globex', file: 'sample.csv', history, row: 1, line: 2, result, next_band: nextBand(lifecycle.plan, record) }, lifecycle.plan);
}

const globex = {
  account_id: 'globex', snapshot_date: '2026-01-31', segment: 'low_touch', stage: 'adopt', onboarding_started: '2025-11-01',
  active_users: 30, licensed_seats: 50, monthly_events: 400, open_tickets: 2, csm_pulse: 'at_risk', pulse_date: '2026-01-30',
};

test('an active override says what it replaced; a pulse of one day is "1 day old"', () => {
  const text = explain({ ...globex, override_score: 64, override_band: 'green', override_reason: 'Renewal signed', override_set_at: '2026-01-15', override_expires_at: '2026-02-15' });
  expect(text).toContain('Pulse: At Risk recorded 2026-01-30, 1 day old (shelf life 60); scored 40');
  expect(text).toMatch(/\nOverride \(active\): score 64, band green replace the computed 61\.34 amber; reason "Renewal signed"; set 2026-01-15, expires 2026-02-15\n/);
});

test('an override out of its window says it was not applied', () => {
  const text = explain({ ...globex, override_score: 64, override_reason: 'Renewal signed', override_set_at: '2025-10-01', override_expires_at: '2025-12-01' });
  expect(text).toMatch(/\nOverride \(expired\): score 64, not applied; computed 61\.34 amber stands; reason "Renewal signed"; set 2025-10-01, expires 2025-12-01\n/);
});

test('the what-if names the account\'s score and the threshold apart', () => {
  const text = explain(globex);
  expect(text).toContain('\nWhat would move it to green? At 61.34; green starts at 75, 78 to change band (hysteresis 3). One metric at a time, all else equal:\n');
});
