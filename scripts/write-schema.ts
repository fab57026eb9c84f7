// Writes schema/report.schema.json from the zod model (the single source of truth).
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../lib/schema';

writeFileSync(
  new URL('../schema/report.schema.json', import.meta.url),
  `${JSON.stringify(reportJsonSchema(), null, 2)}\n`,
);
console.log('wrote schema/report.schema.json');
