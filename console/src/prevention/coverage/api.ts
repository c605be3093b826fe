// Coverage and results: the API calls, typed from common/schemas/prevention/coverage.ts.
import { api } from '../../api';
import type { CoverageResponse, FiguresResponse, InactiveMunicipalitiesResponse } from '../../../../common/schemas/prevention/coverage';
import type { Language } from '../../../../common/i18n';

export type { CoverageResponse, FiguresResponse, InactiveMunicipalitiesResponse };
export interface Period {
  from: string;
  to: string;
}

export const coverageApi = {
  coverage: (period: Period) => api.get<CoverageResponse>('/prevention/coverage', { ...period }),
  figures: (period: Period) => api.get<FiguresResponse>('/prevention/figures', { ...period }),
  inactive: () => api.get<InactiveMunicipalitiesResponse>('/prevention/inactive-municipalities'),
  /** A plain link: the browser downloads it with the session cookie (content-disposition: attachment). */
  csvUrl: (period: Period, language: Language) => `/api/v1/prevention/figures.csv?${new URLSearchParams({ ...period, language })}`,
};
