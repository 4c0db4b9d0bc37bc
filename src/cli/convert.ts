#!/usr/bin/env node
/**
 * `epcis-convert`: converts an EPCIS document between XML (2.0 or 1.2) and JSON-LD without the server, with
 * the same code the server uses (src/formats/xml).
 *
 *   epcis-convert --to json|xml [--cbv-format Always_URN|Always_Web_URI|No_Preference|Never_Translates] [file]
 *
 * Reads the file (or standard input when no file or `-` is given), writes the result to standard output.
 * The input format is detected (XML starts with `<`). XML -> XML upgrades EPCIS 1.2 to 2.0.
 */
import { readFileSync } from 'node:fs';
import { EpcisError } from '../errors/epcis-errors';
import type { JsonObject } from '../model/types';
import { CBV_XML_FORMATS, type CbvXmlFormat } from '../formats/xml/cbv-xml-forms';
import { namespacesFromContext } from '../formats/xml/context-namespaces';
import { serializeEpcisXml } from '../formats/xml/document-to-xml';
import { parseEpcisXml } from '../formats/xml/parse-epcis-xml';

export interface ConvertOptions {
  to: 'json' | 'xml';
  cbvFormat?: CbvXmlFormat;
}

/** Converts one document; throws EpcisError('ValidationException') for invalid input. */
export async function convertDocument(input: string, options: ConvertOptions): Promise<string> {
  const text = input.replace(/^\uFEFF/, '');
  let document: JsonObject;
  let namespaces: Record<string, string>;
  if (text.trimStart().startsWith('<')) {
    const parsed = await parseEpcisXml(text);
    document = parsed.document;
    namespaces = parsed.namespaces;
  } else {
    try {
      document = JSON.parse(text) as JsonObject;
    } catch (err) {
      throw new EpcisError('ValidationException', `Input is neither XML nor JSON: ${(err as Error).message}`);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      throw new EpcisError('ValidationException', 'The JSON input is not an EPCIS document object');
    }
    namespaces = namespacesFromContext(document['@context']);
  }
  if (options.to === 'json') return JSON.stringify(document, null, 2) + '\n';
  return serializeEpcisXml(document, namespaces, { cbvFormat: options.cbvFormat ?? 'No_Preference' });
}

const USAGE =
  'usage: epcis-convert --to json|xml [--cbv-format Always_URN|Always_Web_URI|No_Preference|Never_Translates] [file|-]';

export function parseArgs(argv: string[]): { options: ConvertOptions; file: string | undefined } {
  let to: string | undefined;
  let cbvFormat: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--to') to = argv[++i];
    else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a === '--cbv-format') cbvFormat = argv[++i];
    else if (a.startsWith('--cbv-format=')) cbvFormat = a.slice(13);
    else if (a === '-h' || a === '--help') throw new Error(USAGE);
    else if (file === undefined && (a === '-' || !a.startsWith('-'))) file = a;
    else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  if (to !== 'json' && to !== 'xml') throw new Error(`--to must be json or xml\n${USAGE}`);
  if (cbvFormat !== undefined && !(CBV_XML_FORMATS as readonly string[]).includes(cbvFormat)) {
    throw new Error(`--cbv-format must be one of ${CBV_XML_FORMATS.join(', ')}`);
  }
  const options: ConvertOptions = { to };
  if (cbvFormat !== undefined) options.cbvFormat = cbvFormat as CbvXmlFormat;
  return { options, file: file === '-' ? undefined : file };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  try {
    const input = args.file === undefined ? await readStdin() : readFileSync(args.file, 'utf8');
    process.stdout.write(await convertDocument(input, args.options));
    return 0;
  } catch (err) {
    const name = err instanceof EpcisError ? err.exception : 'Error';
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
