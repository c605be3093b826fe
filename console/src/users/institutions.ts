// The institutions a contact person can belong to, named in the interface language.
import { institutionsApi, type Institution } from '../endpoints';
import { localName, type useLanguage } from '../i18n';
import { useLoad } from '../useLoad';
import type { ApiError } from '../api';

export function useInstitutions(canList: boolean): { institutions: Institution[]; error: ApiError | null } {
  const { data, error } = useLoad(
    () => (canList ? institutionsApi.list().then((r) => r.institutions) : Promise.resolve([])),
    [canList],
  );
  return { institutions: data ?? [], error };
}

export function institutionName(
  institutions: readonly Institution[],
  id: string | null,
  language: ReturnType<typeof useLanguage>,
): string | null {
  const institution = id ? institutions.find((i) => i.id === id) : undefined;
  return institution ? localName(institution.name, institution.nameEn, language) : null;
}
