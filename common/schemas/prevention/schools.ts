// The schools registry: one school, the list with filters, and the CSV import (its columns,
// the words it accepts for a type and a municipality, and the row-by-row problems it reports).
import { z } from 'zod';
import { SCHOOL_TYPES } from '../../prevention';
import { UNITS, type Unit } from '../../geography';
import { searchKey } from '../../i18n/translit';
import { idSchema, isoDateTime } from '../common';
import { municipalitySchema } from '../helpline';

export const schoolTypeSchema = z.enum(SCHOOL_TYPES);

/** The Ministry of Education's code of the institution, when known (digits, letters, - / .). */
export const schoolCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}./-]*$/u, 'Letters, digits, dot, dash or slash');
export const schoolPhoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()/.-]+$/, 'Digits, spaces and + ( ) / . -')
  .refine((v) => v.replace(/\D/g, '').length >= 6, 'At least 6 digits');

/** The fields a school is written with, by the form and by each row of an import. */
export const schoolFields = {
  name: z.string().trim().min(2).max(200),
  type: schoolTypeSchema,
  municipalityId: municipalitySchema,
  address: z.string().trim().max(300),
  contactPerson: z.string().trim().max(200).describe('Who the centre talks to: a pedagogue, psychologist or the head'),
  email: z.email().max(254).nullable(),
  phone: schoolPhoneSchema.nullable(),
  code: schoolCodeSchema.nullable().describe("The Ministry of Education's code, when known; an import matches schools by it"),
};

export const createSchoolRequestSchema = z
  .strictObject({
    name: schoolFields.name,
    type: schoolFields.type,
    municipalityId: schoolFields.municipalityId,
    address: schoolFields.address.default(''),
    contactPerson: schoolFields.contactPerson.default(''),
    email: schoolFields.email.default(null),
    phone: schoolFields.phone.default(null),
    code: schoolFields.code.default(null),
  })
  .meta({ id: 'CreateSchoolRequest' });
export type CreateSchoolRequest = z.infer<typeof createSchoolRequestSchema>;

export const updateSchoolRequestSchema = z
  .strictObject({
    name: schoolFields.name.optional(),
    type: schoolFields.type.optional(),
    municipalityId: schoolFields.municipalityId.optional(),
    address: schoolFields.address.optional(),
    contactPerson: schoolFields.contactPerson.optional(),
    email: schoolFields.email.optional(),
    phone: schoolFields.phone.optional(),
    code: schoolFields.code.optional(),
    isActive: z.boolean().optional().describe('A closed or merged school stays for the history of its events, out of the lists'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change', path: ['name'] })
  .meta({ id: 'UpdateSchoolRequest' });
export type UpdateSchoolRequest = z.infer<typeof updateSchoolRequestSchema>;

export const schoolSchema = z
  .object({
    id: idSchema,
    code: z.string().nullable(),
    name: z.string(),
    type: schoolTypeSchema,
    municipalityId: z.string(),
    districtId: z.string(),
    address: z.string(),
    contactPerson: z.string().nullable().describe('Null for roles that do not contact schools (peer educators, supervisors)'),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isActive: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'School' });
export type School = z.infer<typeof schoolSchema>;

export const schoolDetailSchema = schoolSchema
  .extend({
    eventsHeld: z.number().int().describe('Events held at the school'),
    lastHeldAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'SchoolDetail' });
export type SchoolDetail = z.infer<typeof schoolDetailSchema>;

export const schoolListQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(200).optional().describe('Words of the name, code, address or place, in either script, with or without diacritics'),
  municipalityId: municipalitySchema.optional(),
  districtId: z.string().max(40).optional(),
  type: schoolTypeSchema.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().describe('Default 50'),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export type SchoolListQuery = z.infer<typeof schoolListQuerySchema>;

export const schoolListResponseSchema = z.object({ schools: z.array(schoolSchema), total: z.number().int() });
export const schoolIdParamsSchema = z.strictObject({ id: idSchema });
export const schoolResponseSchema = z.object({ school: schoolDetailSchema });
export const createSchoolResponseSchema = z.object({ id: idSchema });

// ---- CSV import ---------------------------------------------------------------------------

/** The columns of an import file, in the order of the sample file; name, type and municipality are required. */
export const IMPORT_COLUMNS = ['name', 'type', 'municipality', 'address', 'contact_person', 'email', 'phone', 'code'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['name', 'type', 'municipality'];
export const MAX_IMPORT_ROWS = 5000;
/** Characters of CSV text (a registry of all Serbia's schools is about 0.5 MB). */
export const MAX_IMPORT_CHARS = 3_000_000;

const placeKey = (text: string) =>
  searchKey(text)
    .replace(/^(grad|opstina|gradska opstina)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
const UNITS_BY_KEY = new Map<string, Unit>(UNITS.flatMap((unit) => [[unit.id, unit], [placeKey(unit.name_cyrl), unit], [placeKey(unit.name_latn), unit]]));

/**
 * The municipality a file or a form means: its id ("nis"), or its name in Cyrillic or Latin,
 * with or without diacritics, with or without "Град"/"Општина" before it.
 */
export function municipalityFromText(text: string): Unit | undefined {
  const trimmed = text.trim();
  return UNITS_BY_KEY.get(trimmed) ?? UNITS_BY_KEY.get(placeKey(trimmed));
}

/**
 * What can be wrong in an import (the console words each one): with the file as a whole (line
 * 1 is the header), with a row, or with one cell of it.
 */
export const IMPORT_PROBLEMS = [
  'malformed',
  'no_rows',
  'too_many_rows',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'wrong_column_count',
  'required',
  'too_short',
  'too_long',
  'invalid',
  'unknown_type',
  'unknown_municipality',
  'duplicate_in_file',
  'code_taken',
  'name_taken',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export const importProblemSchema = z
  .object({
    line: z.number().int().describe('Line of the file the row starts on (the header is line 1)'),
    column: z.string().nullable().describe('The column, as named in IMPORT_COLUMNS (null: the whole row or file)'),
    problem: z.enum(IMPORT_PROBLEMS),
    message: z.string().describe('In English; the console words the problem code in the interface language'),
    otherLine: z.number().int().optional().describe('For duplicate_in_file: the line it repeats'),
  })
  .meta({ id: 'SchoolImportProblem' });
export type ImportRowProblem = z.infer<typeof importProblemSchema>;

export const importSchoolsRequestSchema = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(MAX_IMPORT_CHARS)
      .describe(
        'The file as text (UTF-8; a byte-order mark is fine), comma- or semicolon-separated, with a header row: ' +
          `${IMPORT_COLUMNS.join(',')}. name, type and municipality are required; type is primary/secondary or the Serbian word ` +
          '(основна/osnovna/ОШ, средња/srednja/СШ/гимназија); municipality is its id or its name in either script. An empty ' +
          'cell leaves an existing school’s value as it is.',
      ),
  })
  .meta({ id: 'ImportSchoolsRequest' });
export type ImportSchoolsRequest = z.infer<typeof importSchoolsRequestSchema>;

export const importSchoolsQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional().describe('true: check the file and say what would happen, write nothing'),
});

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export const importSchoolsResponseSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(
      z.object({
        line: z.number().int(),
        action: z.enum(IMPORT_ACTIONS),
        schoolId: idSchema.nullable().describe('The school written (null for a new school in a dry run)'),
        name: z.string(),
        municipalityId: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportSchoolsResult' });
export type ImportSchoolsResult = z.infer<typeof importSchoolsResponseSchema>;

/** A refused import: nothing was written; every problem found is listed. */
export const importRejectedSchema = z
  .object({
    error: z.object({
      code: z.string().describe('import_rejected when the file has problems; validation_failed etc. otherwise'),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
    problems: z.array(importProblemSchema).optional().describe('With import_rejected: every problem, in file order'),
  })
  .meta({ id: 'SchoolImportRejected' });
export type ImportRejected = z.infer<typeof importRejectedSchema>;

/** The sample file the console offers (the header and two schools). */
export const SAMPLE_IMPORT_CSV = [
  IMPORT_COLUMNS.join(';'),
  'ОШ „Вук Караџић“;основна;Ниш;Орловића Павла 1;Јелена Петровић;skola@example.org;018 123 456;',
  'Gimnazija „Svetozar Marković“;srednja;Novi Sad;Ulica 2;;;021 555 777;12345',
].join('\r\n');
