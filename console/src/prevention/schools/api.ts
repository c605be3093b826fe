// The schools registry's API calls, typed from the zod schemas in common/schemas (the contract).
// A refused import answers 400 with every problem of the file; that answer is returned as a
// value here (it is what the import screen shows), not thrown.
import type { z } from 'zod';
import { api, ApiError, NETWORK_ERROR_STATUS } from '../../api';
import type { SessionResponse } from '../../endpoints';
import type {
  createSchoolRequestSchema,
  createSchoolResponseSchema,
  ImportRejected,
  ImportRowProblem,
  ImportSchoolsResult,
  schoolListQuerySchema,
  schoolListResponseSchema,
  schoolResponseSchema,
  updateSchoolRequestSchema,
} from '../../../../common/schemas/prevention/schools';

export type SchoolPage = z.infer<typeof schoolListResponseSchema>;
export type School = SchoolPage['schools'][number];
export type SchoolDetail = z.infer<typeof schoolResponseSchema>['school'];
export type SchoolQuery = { [K in keyof z.input<typeof schoolListQuerySchema>]?: string };
export type CreateSchoolBody = z.input<typeof createSchoolRequestSchema>;
export type UpdateSchoolBody = z.input<typeof updateSchoolRequestSchema>;
export type { ImportRowProblem, ImportSchoolsResult };

export type ImportOutcome = { ok: true; result: ImportSchoolsResult } | { ok: false; problems: ImportRowProblem[] };

const schoolPath = (id: string) => `/schools/${encodeURIComponent(id)}`;

/**
 * The import goes through fetch rather than the JSON client, whose errors keep only the error
 * envelope: a refused file's answer also carries `problems`, which is what the screen shows.
 */
async function importFile(csv: string, dryRun: boolean): Promise<ImportOutcome> {
  const { csrfToken } = await api.get<SessionResponse>('/session', undefined, true);
  let response: Response;
  try {
    response = await fetch(`/api/v1/schools/import${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ csv }),
    });
  } catch {
    throw new ApiError(NETWORK_ERROR_STATUS, { code: 'network', message: 'Network error' });
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ImportSchoolsResult> & Partial<ImportRejected>;
  if (response.ok) return { ok: true, result: body as ImportSchoolsResult };
  if (body.error?.code === 'import_rejected' && body.problems) return { ok: false, problems: body.problems };
  throw new ApiError(response.status, body.error ?? { code: `http_${response.status}`, message: response.statusText });
}

export const schoolsApi = {
  list: (query: SchoolQuery) => api.get<SchoolPage>('/schools', query),
  read: (id: string) => api.get<z.infer<typeof schoolResponseSchema>>(schoolPath(id)).then((r) => r.school),
  create: (body: CreateSchoolBody) => api.post<z.infer<typeof createSchoolResponseSchema>>('/schools', body),
  update: (id: string, body: UpdateSchoolBody) => api.patch<{ ok: true }>(schoolPath(id), body),
  importFile,
};
