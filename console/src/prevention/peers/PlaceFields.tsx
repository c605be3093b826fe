// Where a peer educator is active or a session was held: the municipality, then (optionally) a
// school of that municipality from the schools registry. If the registry cannot be read, the
// form still works without a school.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { peersApi } from './api';
import { inScript, municipalityOptions } from './format';

export function MunicipalitySelect({ value, onChange, error, required }: { value: string; onChange: (id: string) => void; error?: string | undefined; required?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = useMemo(() => municipalityOptions(language), [language]);
  return (
    <SelectField label={t('prevention.peers.common.municipality')} name="municipalityId" required={required} value={value} onChange={(event) => onChange(event.target.value)} error={error}>
      <option value="">{t('prevention.peers.common.chooseMunicipality')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

export function SchoolSelect(props: { municipalityId: string; value: string; currentName?: string | null; onChange: (id: string) => void; error?: string | undefined }) {
  const { municipalityId, value, currentName, onChange, error } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const schools = useLoad(() => (municipalityId ? peersApi.schoolsIn(municipalityId) : Promise.resolve({ schools: [], total: 0 })), [municipalityId]);
  const list = schools.data?.schools ?? [];
  const hint = schools.error ? t('prevention.peers.common.schoolsFailed') : municipalityId ? t('prevention.peers.common.schoolHint') : t('prevention.peers.common.chooseMunicipalityFirst');
  return (
    <SelectField label={t('prevention.peers.common.school')} hint={hint} name="schoolId" value={value} onChange={(event) => onChange(event.target.value)} error={error}>
      <option value="">{t('prevention.peers.common.noSchool')}</option>
      {list.map((school) => (
        <option key={school.id} value={school.id}>
          {inScript(school.name, language)}
        </option>
      ))}
      {/* The school already on the record, while the list loads or if it left the registry. */}
      {value && !list.some((s) => s.id === value) && <option value={value}>{currentName ? inScript(currentName, language) : t('prevention.peers.common.loading')}</option>}
    </SelectField>
  );
}
