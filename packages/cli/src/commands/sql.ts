import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SqlTranslationError, planToDbt, planToSql, type PlanToSqlOptions, type SqlDialectName } from '@vitals/core';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { note, writeStdout } from '../io/output.js';
import { describeFsError } from '@vitals/data/node';
import { loadModel } from '../run/load-model.js';

export interface SqlCommandOptions {
  readonly dialect: SqlDialectName;
  readonly table: string;
  readonly orderBy: string | undefined;
  readonly asOf: string | undefined;
  readonly typed: boolean;
  readonly dbt: string | undefined;
}

/** `vitals sql MODEL --dialect D`: the model as one query on stdout, or as a dbt model in a folder. */
export async function runSql(modelPath: string, options: SqlCommandOptions): Promise<ExitCode> {
  const model = await loadModel(modelPath);
  const plan = model.plan;
  const sqlOptions: PlanToSqlOptions = {
    ...(options.orderBy === undefined ? {} : { orderBy: options.orderBy }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.typed ? { columnKinds: Object.fromEntries(plan.inputs.map((input) => [input.name, 'typed' as const])) } : {}),
  };
  try {
    if (options.dbt === undefined) {
      await writeStdout(planToSql(plan, options.dialect, { ...sqlOptions, table: options.table }).sql);
      return EXIT.ok;
    }
    const dbt = planToDbt(plan, options.dialect, { ...sqlOptions, upstream: options.table });
    await writeDbt(options.dbt, dbt.name, dbt.sql, dbt.properties);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SqlTranslationError) throw new CliError(`${modelPath}: ${error.message}`, EXIT.failed);
    throw error;
  }
}

async function writeDbt(folder: string, name: string, sql: string, properties: string): Promise<void> {
  const files = [join(folder, `${name}.sql`), join(folder, `${name}.yml`)];
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(files[0] as string, sql);
    await writeFile(files[1] as string, properties);
  } catch (error) {
    throw new CliError(`cannot write the dbt model into ${folder}: ${describeFsError(error)}`);
  }
  note(`vitals: wrote ${files.join(' and ')}`);
}
