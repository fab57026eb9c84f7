import { z } from 'zod';
import { Report } from './model';

/** The JSON Schema of an exported report, generated from the zod model. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://nianbao-check.invalid/report.schema.json',
    title: 'nianbao-check report',
    ...z.toJSONSchema(Report, { target: 'draft-2020-12' }),
  };
}
