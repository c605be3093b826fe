// Registering a school and changing one (coordinators). The municipality decides the district
// (the server derives it). Problems found here and the server's show next to their inputs; a
// school that already exists (same name in the municipality, or the same code) is said so.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SCHOOL_TYPES, type SchoolType } from '../../../../common/prevention';
import type { ApiError } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { schoolsApi, type SchoolDetail } from './api';
import { municipalityOptions } from './format';

const FIELDS = ['name', 'type', 'municipalityId', 'address', 'contactPerson', 'email', 'phone', 'code'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string> & { isActive: boolean };
type Problems = Partial<Record<Field, string>>;

const EMPTY: Values = { name: '', type: 'primary', municipalityId: '', address: '', contactPerson: '', email: '', phone: '', code: '', isActive: true };

function valuesOf(school: SchoolDetail): Values {
  return {
    name: school.name,
    type: school.type,
    municipalityId: school.municipalityId,
    address: school.address,
    contactPerson: school.contactPerson ?? '',
    email: school.email ?? '',
    phone: school.phone ?? '',
    code: school.code ?? '',
    isActive: school.isActive,
  };
}

/** The body the API takes: empty optional fields are "none". */
function bodyOf(v: Values) {
  const orNull = (s: string) => s.trim() || null;
  return {
    name: v.name.trim(),
    type: v.type as SchoolType,
    municipalityId: v.municipalityId,
    address: v.address.trim(),
    contactPerson: v.contactPerson.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    code: orNull(v.code),
  };
}

export function NewSchool() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Screen title={t('prevention.schools.form.titleNew')} headingTestId="new-school-heading">
      <SchoolForm
        initial={EMPTY}
        submitLabel={t('prevention.schools.form.register')}
        onSave={async (values) => {
          const { id } = await schoolsApi.create(bodyOf(values));
          navigate(`/prevention/schools/${id}`, { state: { notice: t('prevention.schools.form.created') } });
        }}
      />
    </Screen>
  );
}

export function EditSchool({ school, onSaved }: { school: SchoolDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <SchoolForm
      initial={valuesOf(school)}
      isEdit
      submitLabel={t('prevention.schools.form.save')}
      onSave={async (values) => {
        await schoolsApi.update(school.id, { ...bodyOf(values), isActive: values.isActive });
        onSaved();
      }}
    />
  );
}

function SchoolForm({ initial, isEdit = false, submitLabel, onSave }: { initial: Values; isEdit?: boolean; submitLabel: string; onSave: (values: Values) => Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const municipalities = useMemo(() => municipalityOptions(language), [language]);

  const set = (name: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const focusFirst = (found: Problems) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (values.name.trim().length < 2) found.name = t('prevention.schools.form.nameRequired');
    if (!values.municipalityId) found.municipalityId = t('prevention.schools.form.municipalityRequired');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) found.email = t('prevention.schools.form.emailInvalid');
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return focusFirst(found);
    setIsSaving(true);
    try {
      await onSave(values);
    } catch (reason) {
      const apiError = asApiError(reason);
      const fromServer: Problems = {};
      for (const field of FIELDS) {
        const message = apiError.fieldError(field);
        if (message) fromServer[field] = apiError.status === 409 ? t(field === 'code' ? 'prevention.schools.form.codeTaken' : 'prevention.schools.form.nameTaken') : message;
      }
      setProblems(fromServer);
      setError(apiError);
      focusFirst(fromServer);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form school-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={error} knownFields={FIELDS} />
      <TextField label={t('prevention.schools.form.name')} name="name" required maxLength={200} value={values.name} onChange={set('name')} error={problems.name} />
      <SelectField label={t('prevention.schools.form.type')} name="type" required value={values.type} onChange={set('type')} error={problems.type}>
        {SCHOOL_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`prevention.codes.schoolTypes.${type}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('prevention.schools.form.municipality')} name="municipalityId" required value={values.municipalityId} onChange={set('municipalityId')} error={problems.municipalityId}>
        <option value="">{t('prevention.schools.form.chooseMunicipality')}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('prevention.schools.form.address')} name="address" maxLength={300} autoComplete="off" value={values.address} onChange={set('address')} error={problems.address} />
      <TextField
        label={t('prevention.schools.form.contactPerson')}
        hint={t('prevention.schools.form.contactPersonHint')}
        name="contactPerson"
        maxLength={200}
        autoComplete="off"
        value={values.contactPerson}
        onChange={set('contactPerson')}
        error={problems.contactPerson}
      />
      <TextField label={t('prevention.schools.form.email')} name="email" type="email" maxLength={254} autoComplete="off" value={values.email} onChange={set('email')} error={problems.email} />
      <TextField label={t('prevention.schools.form.phone')} name="phone" type="tel" maxLength={40} autoComplete="off" value={values.phone} onChange={set('phone')} error={problems.phone} />
      <TextField label={t('prevention.schools.form.code')} hint={t('prevention.schools.form.codeHint')} name="code" maxLength={32} autoComplete="off" value={values.code} onChange={set('code')} error={problems.code} />
      {isEdit && (
        <div className="checkbox-field">
          <input id="school-is-active" type="checkbox" name="isActive" aria-describedby="school-is-active-hint" checked={values.isActive} onChange={(event) => setValues((v) => ({ ...v, isActive: event.target.checked }))} />
          <label htmlFor="school-is-active">{t('prevention.schools.form.isActive')}</label>
          <p id="school-is-active-hint" className="hint">
            {t('prevention.schools.form.isActiveHint')}
          </p>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isSaving} data-testid="save-school">
          {isSaving ? t('console.common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
