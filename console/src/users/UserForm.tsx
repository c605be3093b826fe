// The form for a staff account's details and roles, for opening and for editing an account.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_BOUND_ROLES, ROLES, type Role } from '../../../common/roles';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../../common/i18n';
import type { ApiError } from '../api';
import { SelectField, TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import type { Institution } from '../endpoints';
import { localName, useLanguage } from '../i18n';
import { asApiError } from '../session';

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  institutionId: string;
  language: Language;
}

interface Props {
  initial: UserFormValues;
  isNew: boolean;
  institutions: readonly Institution[];
  institutionsError: ApiError | null;
  submitLabel: string;
  /** Saves the values; throws ApiError so the form can show what is wrong. */
  onSubmit: (values: UserFormValues, needsInstitution: boolean) => Promise<void>;
}

const KNOWN_FIELDS = ['username', 'displayName', 'email', 'roles', 'institutionId', 'language'];

export function UserForm({ initial, isNew, institutions, institutionsError, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<{ roles?: string; institutionId?: string }>({});
  const [isBusy, setIsBusy] = useState(false);
  const rolesErrorId = useId();
  const needsInstitution = values.roles.some((role) => INSTITUTION_BOUND_ROLES.includes(role));

  const setText = (name: 'username' | 'displayName' | 'email' | 'institutionId') => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const toggleRole = (role: Role, isChecked: boolean) =>
    setValues((v) => ({ ...v, roles: isChecked ? ROLES.filter((r) => r === role || v.roles.includes(r)) : v.roles.filter((r) => r !== role) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = {
      ...(values.roles.length === 0 ? { roles: t('console.users.fields.rolesRequired') } : {}),
      ...(needsInstitution && !values.institutionId ? { institutionId: t('console.users.fields.institutionRequired') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setIsBusy(true);
    try {
      await onSubmit(values, needsInstitution);
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  const hasProblems = Object.keys(problems).length > 0;
  const rolesError = problems.roles ?? error?.fieldError('roles');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <ErrorAlert error={error} message={hasProblems ? t('console.errors.validation') : null} knownFields={KNOWN_FIELDS} />
      {isNew && (
        <TextField
          label={t('console.users.fields.username')}
          hint={t('console.users.fields.usernameHint')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.username}
          onChange={setText('username')}
          error={error?.fieldError('username')}
        />
      )}
      <TextField
        label={t('console.users.fields.displayName')}
        name="displayName"
        autoComplete="off"
        required
        value={values.displayName}
        onChange={setText('displayName')}
        error={error?.fieldError('displayName')}
      />
      <TextField
        label={t('console.users.fields.email')}
        hint={t('console.users.fields.emailHint')}
        name="email"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={setText('email')}
        error={error?.fieldError('email')}
      />
      <fieldset className={rolesError ? 'field-invalid' : undefined} aria-describedby={rolesError ? rolesErrorId : undefined}>
        <legend>
          {t('console.users.fields.roles')} <span className="required">({t('console.common.required')})</span>
        </legend>
        {rolesError && (
          <p id={rolesErrorId} className="field-error">
            {rolesError}
          </p>
        )}
        <div className="checkbox-grid">
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={values.roles.includes(role)}
                onChange={(event) => toggleRole(role, event.target.checked)}
              />{' '}
              {t(`roles.${role}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {needsInstitution && (
        <SelectField
          label={t('console.users.fields.institution')}
          hint={institutionsError ? t('errors.generic') : t('console.users.fields.institutionHint')}
          name="institutionId"
          required
          value={values.institutionId}
          onChange={setText('institutionId')}
          error={problems.institutionId ?? error?.fieldError('institutionId')}
        >
          <option value="">{t('console.users.fields.chooseInstitution')}</option>
          {institutions.map((institution) => (
            <option key={institution.id} value={institution.id}>
              {localName(institution.name, institution.nameEn, language)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('console.users.fields.language')}
        name="language"
        value={values.language}
        onChange={(event) => {
          const chosen = event.target.value;
          if (isLanguage(chosen)) setValues((v) => ({ ...v, language: chosen }));
        }}
        error={error?.fieldError('language')}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button-primary" disabled={isBusy}>
        {isBusy ? t('console.common.saving') : submitLabel}
      </button>
    </form>
  );
}

/** The request fields common to opening and editing an account. */
export function accountFields(values: UserFormValues, needsInstitution: boolean) {
  return {
    displayName: values.displayName.trim(),
    email: values.email.trim() || null,
    roles: values.roles,
    institutionId: needsInstitution ? values.institutionId : null,
    language: values.language,
  };
}
