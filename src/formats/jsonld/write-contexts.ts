/**
 * Writes the project's EPCIS JSON-LD context documents to `schemas/contexts/` from `context-builder.ts`.
 * Run: `npx tsx src/formats/jsonld/write-contexts.ts`. A unit test checks that the committed files match.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildEpcisContext, serialiseContext } from './context-builder';
import { CONTEXTS_RELATIVE_DIR } from './context-files';
import { EPCIS_CONTEXT_VARIANTS } from './context-variants';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const outDir = path.join(repoRoot, CONTEXTS_RELATIVE_DIR);
mkdirSync(outDir, { recursive: true });
for (const [url, variant] of Object.entries(EPCIS_CONTEXT_VARIANTS)) {
  writeFileSync(path.join(outDir, variant.file), serialiseContext(buildEpcisContext(variant)));
  console.log(`${variant.file} <- ${url}`);
}
