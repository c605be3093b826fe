// Opening a staff account; the temporary password is shown once afterwards.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DEFAULT_LANGUAGE } from '../../../common/i18n';
import { StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { usersApi, type UserWithPassword } from '../endpoints';
import { useUser } from '../session';
import { useInstitutions } from '../users/institutions';
import { TemporaryPassword } from '../users/TemporaryPassword';
import { UserForm, accountFields, type UserFormValues } from '../users/UserForm';

const EMPTY: UserFormValues = { username: '', displayName: '', email: '', roles: [], institutionId: '', language: DEFAULT_LANGUAGE };

export function UserNew() {
  const { t } = useTranslation();
  const me = useUser();
  const { institutions, error: institutionsError } = useInstitutions(me.abilities['institutions.list']);
  const [created, setCreated] = useState<UserWithPassword | null>(null);

  return (
    <Screen title={t('console.users.create.title')}>
      <StatusMessage message={created ? t('console.users.create.created', { username: created.user.username }) : null} />
      {created ? (
        <>
          <TemporaryPassword password={created.temporaryPassword} />
          <p className="button-row">
            <Link to={`/users/${created.user.id}`}>{t('console.users.detail.title', { username: created.user.username })}</Link>
            <Link to="/users">{t('console.users.detail.backToList')}</Link>
          </p>
        </>
      ) : (
        <UserForm
          initial={EMPTY}
          isNew
          institutions={institutions}
          institutionsError={institutionsError}
          submitLabel={t('console.users.create.submit')}
          onSubmit={async (values, needsInstitution) => {
            setCreated(await usersApi.create({ username: values.username.trim(), ...accountFields(values, needsInstitution) }));
          }}
        />
      )}
    </Screen>
  );
}
