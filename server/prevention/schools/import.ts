// Importing schools from a CSV file (a ministry list, a spreadsheet saved as CSV). All or
// nothing: every row is checked first — its cells, repeats inside the file, and sameness with
// schools already registered — and if any row has a problem nothing is written and every
// problem is returned. Otherwise the rows are written in one transaction: a row whose code (or,
// without a code, whose name in that municipality) is already registered updates that school.
// An empty cell leaves an existing school's value as it is.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Trx } from '../../db/index';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  municipalityFromText,
  schoolFields,
  type ImportColumn,
  type ImportProblem,
  type ImportRowProblem,
  type ImportSchoolsResult,
} from '../../../common/schemas/prevention/schools';
import type { SchoolType } from '../../../common/prevention';
import { districtOf } from '../../../common/geography';
import { searchKey } from '../../../common/i18n/translit';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { forbidden } from '../../http/errors';
import { schoolPolicy } from '../policy';
import { lockRegistry, nameKey, schoolSearchText } from './schools';

/** The refusal of a file: nothing was written. The route answers 400 with every problem. */
export class ImportRejectedError extends Error {
  constructor(readonly problems: ImportRowProblem[]) {
    super(`${new Set(problems.map((p) => p.line)).size} line(s) of the file have problems; nothing was imported`);
  }
}

const headerKey = (text: string) =>
  searchKey(text)
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** A header may also be written in Serbian, in either script, or as the form labels it. */
const COLUMN_NAMES: Record<ImportColumn, string[]> = {
  name: ['name', 'naziv', 'naziv skole', 'skola', 'ime'],
  type: ['type', 'tip', 'vrsta', 'vrsta skole'],
  municipality: ['municipality', 'municipality id', 'opstina', 'grad', 'opstina grad', 'mesto', 'jedinica lokalne samouprave'],
  address: ['address', 'adresa'],
  contact_person: ['contact person', 'contact', 'kontakt', 'kontakt osoba'],
  email: ['email', 'e mail', 'e posta', 'imejl', 'mejl'],
  phone: ['phone', 'telefon', 'tel'],
  code: ['code', 'sifra', 'sifra ustanove', 'ministry code'],
};
const COLUMN_BY_HEADER = new Map<string, ImportColumn>(
  Object.entries(COLUMN_NAMES).flatMap(([column, names]) => names.map((name) => [headerKey(name), column as ImportColumn])),
);

const TYPE_WORDS = new Map<string, SchoolType>([
  ...['primary', 'primary school', 'os', 'osnovna', 'osnovna skola'].map((w) => [w, 'primary'] as const),
  ...['secondary', 'secondary school', 'ss', 'srednja', 'srednja skola', 'gimnazija'].map((w) => [w, 'secondary'] as const),
]);

/** "основна", "OŠ", "Osnovna škola", "primary" → primary; "средња", "SŠ", "gimnazija" → secondary. */
export function schoolTypeFromText(text: string): SchoolType | undefined {
  return TYPE_WORDS.get(
    searchKey(text)
      .replace(/[.\s]+/g, ' ')
      .trim(),
  );
}

/** The separator the header line uses: ';' (Serbian Excel), ',' or a tab. */
function separatorOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((s) => [s, unquoted.split(s).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

interface Row {
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

const problem = (line: number, column: string | null, kind: ImportProblem, message: string, otherLine?: number): ImportRowProblem => ({
  line,
  column,
  problem: kind,
  message,
  ...(otherLine ? { otherLine } : {}),
});

/** The file's rows by column, or the problems that stop it being read at all. */
export function readImportFile(text: string): { rows: Row[]; problems: ImportRowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Line numbers count from the file as written; \r\n and \r become \n so they stay true.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      relax_quotes: true, // OŠ "Vuk Karadžić" written without quotes around the cell
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records; // csv-parse's types do not model `info: true`
  } catch (error) {
    const line = Number((error as { lines?: number }).lines) || 1;
    return { rows: [], problems: [problem(line, null, 'malformed', `The file cannot be read as CSV near line ${line}: ${(error as Error).message}`)] };
  }
  // A record ends on info.lines; it started as many lines earlier as it has line breaks inside quotes.
  const lined = records
    .map(({ record, info }) => ({ cells: record, line: info.lines - (record.join('').split('\n').length - 1) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = lined;
  if (!header) return { rows: [], problems: [problem(1, null, 'no_rows', 'The file is empty')] };

  const problems: ImportRowProblem[] = [];
  const columns: (ImportColumn | null)[] = [];
  header.cells.forEach((cell) => {
    const name = cell.trim();
    if (!name) return void columns.push(null); // a trailing separator: ignored
    const column = COLUMN_BY_HEADER.get(headerKey(name)) ?? null;
    if (!column) problems.push(problem(header.line, name, 'unknown_column', `Unknown column "${name}"; the columns are ${IMPORT_COLUMNS.join(', ')}`));
    else if (columns.includes(column)) problems.push(problem(header.line, column, 'duplicate_column', `The column ${column} appears twice`));
    columns.push(column);
  });
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!columns.includes(required)) problems.push(problem(header.line, required, 'missing_column', `The column ${required} is required`));
  }
  if (data.length === 0) problems.push(problem(header.line, null, 'no_rows', 'The file has a header but no schools'));
  if (data.length > MAX_IMPORT_ROWS) problems.push(problem(header.line, null, 'too_many_rows', `At most ${MAX_IMPORT_ROWS} schools in one file (it has ${data.length})`));
  if (problems.length) return { rows: [], problems };

  const rows: Row[] = [];
  for (const record of data) {
    const extra = record.cells.slice(columns.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      problems.push(
        problem(record.line, null, 'wrong_column_count', `The row has ${record.cells.length} cells, the header ${columns.length} (a separator inside a value needs "quotes")`),
      );
      continue;
    }
    const cells: Row['cells'] = {};
    columns.forEach((column, i) => {
      const value = record.cells[i]?.trim();
      if (column && value) cells[column] = value;
    });
    rows.push({ line: record.line, cells });
  }
  return { rows, problems };
}

/** A row's values as the registry stores them: only the cells that were filled in. */
interface RowValues {
  name: string;
  type: SchoolType;
  municipalityId: string;
  address?: string;
  contactPerson?: string;
  email?: string;
  phone?: string;
  code?: string;
}

const cellSchema = z.object({
  name: schoolFields.name,
  address: schoolFields.address.optional(),
  contactPerson: schoolFields.contactPerson.optional(),
  email: z.email().max(254).optional(),
  phone: schoolFields.phone.unwrap().optional(),
  code: schoolFields.code.unwrap().optional(),
});
const COLUMN_OF_FIELD: Record<string, ImportColumn> = { name: 'name', address: 'address', contactPerson: 'contact_person', email: 'email', phone: 'phone', code: 'code' };

/** Checks one row on its own; returns its values or its problems. */
function checkRow(row: Row): { values: RowValues | null; problems: ImportRowProblem[] } {
  const problems: ImportRowProblem[] = [];
  const { cells, line } = row;
  const type = cells.type ? schoolTypeFromText(cells.type) : undefined;
  if (!cells.type) problems.push(problem(line, 'type', 'required', 'The type is required'));
  else if (!type) problems.push(problem(line, 'type', 'unknown_type', `Unknown school type "${cells.type}"; use primary or secondary (основна, средња)`));
  const unit = cells.municipality ? municipalityFromText(cells.municipality) : undefined;
  if (!cells.municipality) problems.push(problem(line, 'municipality', 'required', 'The municipality is required'));
  else if (!unit) problems.push(problem(line, 'municipality', 'unknown_municipality', `Unknown municipality "${cells.municipality}"`));
  const parsed = cellSchema.safeParse({
    name: cells.name ?? '',
    address: cells.address,
    contactPerson: cells.contact_person,
    email: cells.email,
    phone: cells.phone,
    code: cells.code,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = COLUMN_OF_FIELD[String(issue.path[0])] ?? null;
      if (problems.some((p) => p.column === column)) continue; // one problem per cell
      const isEmpty = column === 'name' && !cells.name;
      const kind: ImportProblem = isEmpty ? 'required' : issue.code === 'too_small' ? 'too_short' : issue.code === 'too_big' ? 'too_long' : 'invalid';
      problems.push(problem(line, column, kind, isEmpty ? 'The name is required' : issue.message));
    }
  }
  if (problems.length || !parsed.success || !type || !unit) return { values: null, problems };
  const values: RowValues = { name: parsed.data.name, type, municipalityId: unit.id };
  for (const field of ['address', 'contactPerson', 'email', 'phone', 'code'] as const) {
    if (parsed.data[field] !== undefined) values[field] = parsed.data[field];
  }
  return { values, problems };
}

interface Existing {
  id: string;
  name: string;
  type: string;
  code: string | null;
  municipalityId: string;
  address: string;
  contactPerson: string;
  email: string | null;
  phone: string | null;
}

interface Plan {
  line: number;
  values: RowValues;
  target: Existing | null;
  action: 'create' | 'update' | 'unchanged';
}

const identityKey = (municipalityId: string, name: string) => `${municipalityId}\u0000${nameKey(name)}`;

/**
 * Decides, for each row, which registered school it is (by code first, else by name in its
 * municipality), and finds every clash: repeats inside the file and rows that would make two
 * schools share a code or a name in one municipality (a swap of two names takes two imports).
 */
function planRows(checked: { line: number; values: RowValues }[], existing: Existing[]): { plans: Plan[]; problems: ImportRowProblem[] } {
  const problems: ImportRowProblem[] = [];
  const byCode = new Map(existing.filter((s) => s.code).map((s) => [s.code!, s]));
  const byIdentity = new Map(existing.map((s) => [identityKey(s.municipalityId, s.name), s]));
  const plans: Plan[] = [];
  const lineOfTarget = new Map<string, number>();
  const lineOfCode = new Map<string, number>();
  const lineOfIdentity = new Map<string, number>();

  for (const { line, values } of checked) {
    const identity = identityKey(values.municipalityId, values.name);
    const repeatsCode = values.code ? lineOfCode.get(values.code) : undefined;
    const repeatsIdentity = lineOfIdentity.get(identity);
    if (repeatsCode) problems.push(problem(line, 'code', 'duplicate_in_file', `The code is already on line ${repeatsCode}`, repeatsCode));
    if (repeatsIdentity) problems.push(problem(line, 'name', 'duplicate_in_file', `The same school (name and municipality) is already on line ${repeatsIdentity}`, repeatsIdentity));
    if (values.code) lineOfCode.set(values.code, lineOfCode.get(values.code) ?? line);
    lineOfIdentity.set(identity, repeatsIdentity ?? line);
    if (repeatsCode || repeatsIdentity) continue;

    const sameName = byIdentity.get(identity);
    const target = (values.code ? byCode.get(values.code) : undefined) ?? sameName ?? null;
    if (target && sameName && sameName.id !== target.id) {
      problems.push(problem(line, 'name', 'name_taken', `Another registered school in this municipality has this name (the code ${values.code} belongs to "${target.name}")`));
      continue;
    }
    if (target && values.code && target.code && target.code !== values.code) {
      problems.push(problem(line, 'code', 'code_taken', `The registered school of this name has the code ${target.code}`));
      continue;
    }
    if (target) {
      const repeatsTarget = lineOfTarget.get(target.id);
      if (repeatsTarget) {
        problems.push(problem(line, 'name', 'duplicate_in_file', `Line ${repeatsTarget} already updates the same school`, repeatsTarget));
        continue;
      }
      lineOfTarget.set(target.id, line);
    }
    plans.push({ line, values, target, action: !target ? 'create' : changedColumns(target, values).length ? 'update' : 'unchanged' });
  }

  return { plans, problems };
}

function changedColumns(current: Existing, values: RowValues): (keyof RowValues)[] {
  return (Object.keys(values) as (keyof RowValues)[]).filter((key) => (current as unknown as Record<string, unknown>)[key] !== values[key]);
}

export async function importSchools(ctx: AppContext, actor: Actor, csv: string, options: { dryRun: boolean }): Promise<ImportSchoolsResult> {
  if (!can(schoolPolicy, actor, 'manage')) throw forbidden();
  const file = readImportFile(csv);
  const problems = [...file.problems];
  if (file.rows.length === 0 && problems.length) throw new ImportRejectedError(problems);
  const checked: { line: number; values: RowValues }[] = [];
  for (const row of file.rows) {
    const result = checkRow(row);
    problems.push(...result.problems);
    if (result.values) checked.push({ line: row.line, values: result.values });
  }

  return ctx.db.transaction().execute(async (trx) => {
    await lockRegistry(trx);
    const existing = await trx.selectFrom('schools').select(['id', 'name', 'type', 'code', 'municipalityId', 'address', 'contactPerson', 'email', 'phone']).execute();
    const planned = planRows(checked, existing);
    problems.push(...planned.problems);
    if (problems.length) {
      const order = (p: ImportRowProblem) => (p.column ? IMPORT_COLUMNS.indexOf(p.column as ImportColumn) : -1);
      throw new ImportRejectedError(problems.sort((a, b) => a.line - b.line || order(a) - order(b)));
    }
    const ids = options.dryRun ? new Map<number, string | null>() : await writePlans(trx, planned.plans);
    const count = (action: Plan['action']) => planned.plans.filter((p) => p.action === action).length;
    const result: ImportSchoolsResult = {
      dryRun: options.dryRun,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      rows: planned.plans.map((p) => ({
        line: p.line,
        action: p.action,
        schoolId: p.target?.id ?? ids.get(p.line) ?? null,
        name: p.values.name,
        municipalityId: p.values.municipalityId,
      })),
    };
    if (!options.dryRun) {
      await recordAudit(trx, {
        actor: auditActor(actor),
        action: 'school.import',
        recordType: 'school',
        details: { rows: planned.plans.length, created: result.created, updated: result.updated, unchanged: result.unchanged },
      });
    }
    return result;
  });
}

/** Writes the plan; returns the new schools' ids by line. */
async function writePlans(trx: Trx, plans: Plan[]): Promise<Map<number, string | null>> {
  const ids = new Map<number, string | null>();
  const now = new Date();
  for (const plan of plans.filter((p) => p.action === 'update')) {
    const merged = { ...plan.target!, ...plan.values };
    await trx
      .updateTable('schools')
      .set({ ...plan.values, districtId: districtOf(merged.municipalityId), searchText: schoolSearchText(merged), updatedAt: now })
      .where('id', '=', plan.target!.id)
      .execute();
  }
  const creating = plans.filter((p) => p.action === 'create');
  for (let start = 0; start < creating.length; start += 500) {
    const batch = creating.slice(start, start + 500);
    const created = await trx
      .insertInto('schools')
      .values(
        batch.map(({ values }) => ({
          ...values,
          code: values.code ?? null,
          email: values.email ?? null,
          phone: values.phone ?? null,
          districtId: districtOf(values.municipalityId),
          searchText: schoolSearchText({ ...values, code: values.code ?? null, address: values.address ?? '' }),
        })),
      )
      .returning('id')
      .execute();
    // INSERT … RETURNING gives the rows in the order of VALUES.
    batch.forEach((plan, i) => ids.set(plan.line, created[i]!.id));
  }
  return ids;
}
