import { describe, expect, test } from 'vitest';
import { expectValid, vitals } from './support/run-cli.js';

const LIFECYCLE = ['models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv'];

describe('vitals score --explain', () => {
  test('the drill-down: history, each metric, the pulse, the benchmark gap, and what would move the account up a band', async () => {
    const run = (await vitals(['score', ...LIFECYCLE, '--explain', 'globex']));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Account globex as of 2026-04-30');
    expect(run.stdout).toContain('Score 70.84 — amber (Watch) · coverage 100% · stage adopt, segment low_touch · benchmark 65, gap 5.84');
    expect(run.stdout).toContain('History (4 snapshots): 2026-01-31 64 green → 2026-02-28 57.5 amber → 2026-03-31 64.59 amber → 2026-04-30 70.84 amber');
    // each metric's value, score, band, weight and contribution, under its category
    expect(run.stdout).toMatch(/\n {2}seat_utilisation +0\.58 +63\.33 +amber +25% +15\.83\n/);
    expect(run.stdout).toMatch(/\nSentiment +40 +red +30% +12\n {2}csm_pulse +40 +40 +red +30% +12\n/);
    expect(run.stdout).toContain('Pulse: At Risk recorded 2026-03-10, 51 days old (shelf life 60); scored 40');
    // green begins at 75, and the model's hysteresis of 3 asks for 78 to change band
    expect(run.stdout).toContain('What would move it to green? At 70.84; green starts at 75, 78 to change band (hysteresis 3).');
    expect(run.stdout).toMatch(/\n {2}seat_utilisation +now 0\.58 → needs >= 0\.7518 +score 91\.97, overall 78 green\n/);
    expect(run.stdout).toMatch(/\n {2}ticket_load +now 2 → cannot reach green alone +at best overall 72\.84\n/);
  });

  test('why each playbook fired: the values its condition read', async () => {
    const acme = (await vitals(['score', ...LIFECYCLE, '--explain', 'acme']));
    expect(acme.code).toBe(0);
    expect(acme.stdout).toContain('Playbooks fired:\n  Ready to be a reference [low, Customer marketing]: Ask the champion for a case study or a reference call.\n    because score = 98, pulse.value = "extremely_satisfied", pulse.stale = false');
    expect(acme.stdout).toContain('Next band: green is the top band.');
  });

  test('--format json matches explain.schema.json and carries the full result and the what-if', async () => {
    const run = (await vitals(['score', ...LIFECYCLE, '--explain', 'wayne', '--format', 'json']));
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { history: unknown[]; result: { band: string; metrics: Record<string, { weight: number }> }; next_band: { next_band: string; metrics: { metric: string; outcome: string; needed: unknown }[] } };
    expectValid('explain', document);
    expect(document.history).toHaveLength(4);
    expect(document.result.band).toBe('red');
    expect(document.next_band.next_band).toBe('amber');
    expect(document.next_band.metrics.find((m) => m.metric === 'ticket_load')).toMatchObject({ outcome: 'reachable', needed: { op: '<=', value: 1 } });
  });

  test('an account that is not in the file: exit 2', async () => {
    const run = (await vitals(['score', ...LIFECYCLE, '--explain', 'nobody']));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('vitals: no row of models/lifecycle-b2b/sample.csv has account_id = "nobody"\n');
  });
});
