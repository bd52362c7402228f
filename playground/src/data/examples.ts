import ravenstackAvailable from 'virtual:ravenstack-snapshots';

/** The bundled examples: each model of `models/` with its sample data, and the RavenStack snapshots. */
export interface Example {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly dataName: string;
  model(): Promise<string>;
  /** The sample data as text. */
  data(): Promise<string>;
}

const models = import.meta.glob<string>('../../../models/*/model.yaml', { query: '?raw', import: 'default' });
const samples = import.meta.glob<string>('../../../models/*/sample.csv', { query: '?raw', import: 'default' });

const DESCRIPTIONS: Readonly<Record<string, readonly [string, string]>> = {
  'ravenstack-snapshots': ['RavenStack: monthly snapshots', 'Real (synthetic, public) SaaS data: every account of the RavenStack data set, month by month, with stages, segments, benchmarks and playbooks.'],
  'lifecycle-b2b': ['Lifecycle B2B', 'Monthly snapshots: trends, a decaying pulse, hysteresis, an expiring override, stage benchmarks per segment, playbooks with cooldowns.'],
  ravenstack: ['RavenStack: sample', '37 snapshots of 8 RavenStack accounts (the sample the model is tested on).'],
  'saas-seven-metrics': ['SaaS seven metrics', 'Three categories, seven metrics, red/amber/green on every metric.'],
  'usage-appreciation-context': ['Usage, appreciation, context', 'Usage, the appreciation of the relationship and the company context, weighted into one score.'],
  'csm-sentiment-pulse': ['CSM sentiment pulse', 'A score led by the CSM’s six-point pulse, with a shelf life.'],
  telco: ['Telco: real churn data', 'The first 30 customers of IBM’s Telco churn sample, read as the file is (each input names its column); each value scores 100 − 2 × its churn rate.'],
};

function fromFolder(folder: string): Example | undefined {
  const model = models[`../../../models/${folder}/model.yaml`];
  const sample = samples[`../../../models/${folder}/sample.csv`];
  if (model === undefined || sample === undefined) return undefined;
  const [title, description] = DESCRIPTIONS[folder] ?? [folder, ''];
  return { id: folder, title, description, dataName: `${folder}/sample.csv`, model, data: sample };
}

const ravenstackModel = models['../../../models/ravenstack/model.yaml'];
const ravenstackSnapshots: Example | undefined =
  ravenstackModel === undefined || !ravenstackAvailable
    ? undefined
    : {
        id: 'ravenstack-snapshots',
        title: (DESCRIPTIONS['ravenstack-snapshots'] as readonly string[])[0] as string,
        description: (DESCRIPTIONS['ravenstack-snapshots'] as readonly string[])[1] as string,
        dataName: 'ravenstack-snapshots.csv',
        model: ravenstackModel,
        data: async () => (await import('virtual:ravenstack-snapshots/csv')).default,
      };

const folders = Object.keys(models).map((path) => path.split('/').at(-2) as string);

/** Every example, the richest first: the one the playground opens with. */
export const EXAMPLES: readonly Example[] = [
  ...(ravenstackSnapshots === undefined ? [] : [ravenstackSnapshots]),
  ...['lifecycle-b2b', ...folders.filter((f) => f !== 'lifecycle-b2b').sort()].map(fromFolder).filter((e): e is Example => e !== undefined),
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
