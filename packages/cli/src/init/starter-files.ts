/**
 * What `vitals init` writes: a starter model (three categories, a pulse, bands, playbooks) whose
 * comments teach the format, sample data to score, and hand-worked cases that pass. The e2e tests
 * run `vitals check`, `vitals test` and `vitals score` on exactly these files.
 */

export const STARTER_MODEL = `# A starter customer-health model, written by \`vitals init\`. The comments explain the format;
# change anything, then run:
#   vitals check model.yaml                    every problem, with its line, column and a hint
#   vitals test                                the hand-worked cases in model.test.yaml
#   vitals score model.yaml --data sample.csv  a score for each account snapshot
#   vitals report model.yaml --data sample.csv how the scores spread, before you roll it out
vitals: 1 # the format version
model: starter_health # a stable name: lower-case letters, digits and _
title: Starter account health
scale: { min: 0, max: 100 } # every score (metric, category, overall) is on this scale
precision: 1 # scores are rounded to one decimal before they are banded

# Bands from worst to best. A score below \`below\` is in that band; the last band has no \`below\`.
bands:
  - { name: red, below: 40, title: At risk, color: "#c62828" }
  - { name: amber, below: 70, title: Watch, color: "#f9a825" }
  - { name: green, title: Healthy, color: "#2e7d32" }

# Which fields say whose snapshot a row is and what day it describes. With an as-of date, rows
# of the same account are history: \`prev()\`, changes and playbook cooldowns use it.
data: { id: account_id, as_of: snapshot_date }

# The fields a row may have and their types. A value that does not fit its type makes the row
# invalid (reported with its row number and field); a blank value is missing.
inputs:
  account_id: { type: string, required: true }
  snapshot_date: { type: date }
  active_users: { type: integer, min: 0, title: Monthly active users }
  seats: { type: integer, min: 0, title: Licensed seats }
  logins_per_user: { type: number, min: 0, title: Logins per active user this month }
  open_tickets: { type: integer, min: 0, title: Support tickets open today }

# Categories group metrics. Weights are relative: here product adoption is half the score.
categories:
  adoption: { title: Product adoption, weight: 50 }
  support: { title: Support, weight: 30 }
  sentiment: { title: Sentiment, weight: 20 }

# A metric is a value computed from the inputs (an expression) and a way to turn it into a score.
metrics:
  seat_utilisation:
    title: Active users against licensed seats
    category: adoption
    value: active_users / seats # dividing by 0 gives a missing value, not an error
    # 0.2 or less scores 0, 0.9 or more scores 100, linear in between.
    score: { linear: { from: 0.2, to: 0.9 } }

  login_frequency:
    title: Logins per active user
    category: adoption
    value: logins_per_user
    # Steps: the score of the first step whose \`below\` the value is under; the last has none.
    score:
      steps:
        - { below: 2, score: 20 }
        - { below: 8, score: 60 }
        - { score: 100 }

  ticket_load:
    title: Open support tickets (fewer is better)
    category: support
    value: open_tickets
    score: { linear: { from: 10, to: 0 } } # from > to: fewer tickets score higher

  csm_pulse:
    title: The CSM's pulse
    category: sentiment
    value: pulse.score # the pulse's score, already on the scale
    score: identity

# Metrics without data are left out and the others re-weighted; with less than half of the
# weight backed by data, an account gets no score rather than a misleading one.
missing: { policy: exclude, min_coverage: 0.5 }

# The CSM's pulse: how the account feels to its CSM, with the day it was recorded. The default
# scale is extremely_satisfied (100), very_satisfied (85), satisfied (70), at_risk (40),
# high_risk (20) and severe_risk (1). After its shelf life a pulse is stale.
pulse:
  field: csm_pulse
  recorded_at: pulse_date
  shelf_life: 60d
  stale: exclude # a stale pulse is left out (or \`keep\`, or \`{ decay: { to: 50, over: 30d } }\`)

# What to do, and when. \`vitals score --explain\` shows the values that made each one fire.
playbooks:
  save_the_account:
    title: Account at risk
    when: band == "red"
    priority: high
    owner: CSM
    action: Call the sponsor this week and agree a recovery plan.

  refresh_the_pulse:
    title: The CSM pulse is stale
    when: pulse.stale
    priority: medium
    owner: CSM
    action: Talk to the account and record a new pulse.
    cooldown: 30d # at most once a month per account
`;

export const STARTER_SAMPLE = `account_id,snapshot_date,active_users,seats,logins_per_user,open_tickets,csm_pulse,pulse_date
alder-analytics,2026-10-31,45,50,10,1,very_satisfied,2026-10-15
birch-bakery,2026-10-31,10,50,1,8,at_risk,2026-10-20
cedar-clinics,2026-10-31,30,50,5,3,satisfied,2026-07-01
dogwood-dental,2026-10-31,,,,2,,
elm-energy,2026-10-31,38,40,7,0,extremely_satisfied,2026-10-02
fir-freight,2026-10-31,22,60,3,5,satisfied,2026-09-12
ginkgo-games,2026-10-31,80,100,12,6,very_satisfied,2026-08-30
hazel-hotels,2026-10-31,15,25,2,9,high_risk,2026-10-28
`;

export const STARTER_TESTS = `# Cases worked out by hand for model.yaml; \`vitals test\` runs them. Each case is a record and
# the fields of the result it must give (only the fields named are compared).
# Overall = 0.5 × adoption + 0.3 × support + 0.2 × sentiment, each on 0–100, one decimal.
model: model.yaml
cases:
  - name: a healthy account (alder-analytics)
    # seats 45/50 = 0.9 → 100; 10 logins → 100; adoption (100 + 100) / 2 = 100
    # 1 ticket → (10 − 1) / 10 × 100 = 90; very_satisfied → 85, 16 days old (fresh)
    # overall 0.5 × 100 + 0.3 × 90 + 0.2 × 85 = 94
    record: { account_id: alder-analytics, snapshot_date: 2026-10-31, active_users: 45, seats: 50, logins_per_user: 10, open_tickets: 1, csm_pulse: very_satisfied, pulse_date: 2026-10-15 }
    expect:
      score: 94
      band: green
      categories: { adoption: { score: 100 }, support: { score: 90 }, sentiment: { score: 85 } }
      playbooks: []

  - name: an account at risk (birch-bakery)
    # seats 10/50 = 0.2 → 0; 1 login → 20; adoption 10
    # 8 tickets → 20; at_risk → 40
    # overall 0.5 × 10 + 0.3 × 20 + 0.2 × 40 = 19 → red, so save_the_account fires
    record: { account_id: birch-bakery, snapshot_date: 2026-10-31, active_users: 10, seats: 50, logins_per_user: 1, open_tickets: 8, csm_pulse: at_risk, pulse_date: 2026-10-20 }
    expect:
      score: 19
      band: red
      metrics: { seat_utilisation: { score: 0 }, login_frequency: { score: 20 } }
      playbooks: [save_the_account]

  - name: a stale pulse is left out (cedar-clinics)
    # seats 30/50 = 0.6 → (0.6 − 0.2) / 0.7 × 100 = 57.14 → 57.1; 5 logins → 60; adoption 58.55 → 58.6
    # 3 tickets → 70; the pulse is 122 days old (shelf life 60) → stale, excluded: no sentiment
    # overall (50 × 58.6 + 30 × 70) / 80 = 62.875 → 62.9 → amber; coverage 0.8 (sentiment's 20% missing)
    record: { account_id: cedar-clinics, snapshot_date: 2026-10-31, active_users: 30, seats: 50, logins_per_user: 5, open_tickets: 3, csm_pulse: satisfied, pulse_date: 2026-07-01 }
    expect:
      score: 62.9
      band: amber
      coverage: 0.8
      pulse: { stale: true, age_days: 122 }
      categories: { sentiment: { score: null } }
      playbooks: [refresh_the_pulse]

  - name: too little data to score (dogwood-dental)
    # only tickets (30% of the weight) → below the 50% minimum coverage → no score
    record: { account_id: dogwood-dental, snapshot_date: 2026-10-31, open_tickets: 2 }
    expect:
      status: unscored
      reason: insufficient-coverage
      coverage: 0.3
      score: null

  - name: a bad value makes the record invalid
    record: { account_id: typo-inc, snapshot_date: 2026-10-31, active_users: lots }
    expect:
      status: invalid
      issues: [{ field: active_users, code: not-a-number }]
`;


/** The files, in the order they are written. */
export const STARTER_FILES: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'model.yaml', text: STARTER_MODEL },
  { name: 'sample.csv', text: STARTER_SAMPLE },
  { name: 'model.test.yaml', text: STARTER_TESTS },
];
